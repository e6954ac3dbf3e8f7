package io.fieldprint.protocols.decode;

import java.util.List;

/**
 * The protocol decoders a dissector runs, by carrier. The shipped set: {@code StandardDecoders}.
 */
public record DecoderSet(
    List<TcpProtocol> tcp, List<UdpProtocol> udp, List<EtherTypeProtocol> ethernet) {

  public DecoderSet {
    tcp = List.copyOf(tcp);
    udp = List.copyOf(udp);
    ethernet = List.copyOf(ethernet);
  }
}
