package io.fieldprint.protocols.decode;

/** Context of one layer-2 frame. */
public interface LinkContext extends PacketContext {

  /** Source MAC, lower-case colon-separated. */
  String sourceMac();

  /** Destination MAC, lower-case colon-separated. */
  String destinationMac();

  /** Innermost 802.1Q VLAN id, or -1 when untagged. */
  int vlanId();
}
