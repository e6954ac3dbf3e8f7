package io.fieldprint.protocols.decode;

import java.nio.ByteBuffer;

/** A protocol carried directly in Ethernet frames (LLDP, PROFINET). Stateless and shared. */
public interface EtherTypeProtocol {

  String name();

  /** The EtherType after any VLAN tags, e.g. {@code 0x88CC}. */
  int etherType();

  /** The payload after the EtherType; the buffer is only valid during the call. */
  void onFrame(LinkContext context, ByteBuffer payload);
}
