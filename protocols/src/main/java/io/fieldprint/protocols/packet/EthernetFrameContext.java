package io.fieldprint.protocols.packet;

import io.fieldprint.protocols.decode.LinkContext;
import io.fieldprint.protocols.decode.ObservationSink;

/**
 * {@link LinkContext} over the frame being dissected. MACs are rendered on demand; a cooked (SLL)
 * frame has a source MAC only when its address is 6 bytes long, and never a destination MAC.
 */
final class EthernetFrameContext extends FrameContext implements LinkContext {
  private final PacketView packet;

  EthernetFrameContext(ObservationSink sink, PacketView packet) {
    super(sink);
    this.packet = packet;
  }

  @Override
  public String sourceMac() {
    return AddressText.mac(packet.mac(packet.sourceMacOffset));
  }

  @Override
  public String destinationMac() {
    return AddressText.mac(packet.mac(packet.destinationMacOffset));
  }

  @Override
  public int vlanId() {
    return packet.vlanId;
  }
}
