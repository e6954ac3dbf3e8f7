package io.fieldprint.protocols.enip;

import io.fieldprint.protocols.decode.DatagramContext;
import io.fieldprint.protocols.decode.UdpProtocol;
import java.nio.ByteBuffer;

/**
 * EtherNet/IP on UDP 44818: ListIdentity replies (to broadcast or unicast requests) name the
 * replying device. Requests carry no identity and are passed over.
 */
public final class EtherNetIpUdp implements UdpProtocol {
  private final ListIdentityObserver observer =
      new ListIdentityObserver(new CipIdentityClaims(CipKnowledge.shipped()));

  @Override
  public String name() {
    return ListIdentityObserver.PROTOCOL;
  }

  @Override
  public boolean accepts(int sourcePort, int destinationPort) {
    return sourcePort == EtherNetIpTcp.PORT || destinationPort == EtherNetIpTcp.PORT;
  }

  @Override
  public void onDatagram(DatagramContext ctx, ByteBuffer payload) {
    int p = payload.position();
    int end = payload.limit();
    if (end - p < EncapsulationHeader.SIZE) {
      ListIdentityObserver.warn(ctx, "datagram of " + (end - p) + " bytes, header needs 24");
      return;
    }
    int command = LittleEndian.u16(payload, p);
    int length = LittleEndian.u16(payload, p + 2);
    if (command != EncapsulationHeader.LIST_IDENTITY || length == 0) {
      return;
    }
    int data = p + EncapsulationHeader.SIZE;
    if (end - data < length) {
      ListIdentityObserver.warn(
          ctx, "ListIdentity reply claims " + length + " bytes, " + (end - data) + " present");
      return;
    }
    observer.onListIdentityReply(ctx, ctx.source().device(), "udp", payload, data, data + length);
  }
}
