package io.fieldprint.protocols.packet;

import io.fieldprint.protocols.decode.DatagramContext;
import io.fieldprint.protocols.decode.Endpoint;
import io.fieldprint.protocols.decode.ObservationSink;

/** {@link DatagramContext} over the datagram being dissected; endpoints are built on demand. */
final class UdpDatagramContext extends FrameContext implements DatagramContext {
  private final PacketView packet;
  private Endpoint source;
  private Endpoint destination;

  UdpDatagramContext(ObservationSink sink, PacketView packet) {
    super(sink);
    this.packet = packet;
  }

  /** Called for every datagram before any decoder sees it. */
  void reset() {
    at(packet.captureName, packet.frameNumber, packet.timestampNanos);
    source = null;
    destination = null;
  }

  @Override
  public Endpoint source() {
    if (source == null) {
      source =
          new Endpoint(
              AddressText.mac(packet.mac(packet.sourceMacOffset)),
              AddressText.ip(packet.ipv6, packet.sourceHigh, packet.sourceLow),
              packet.sourcePort);
    }
    return source;
  }

  @Override
  public Endpoint destination() {
    if (destination == null) {
      destination =
          new Endpoint(
              AddressText.mac(packet.mac(packet.destinationMacOffset)),
              AddressText.ip(packet.ipv6, packet.destinationHigh, packet.destinationLow),
              packet.destinationPort);
    }
    return destination;
  }
}
