package io.fieldprint.protocols.decode;

import java.nio.ByteBuffer;

/** An application protocol carried in UDP datagrams. Stateless and shared. */
public interface UdpProtocol {

  String name();

  /** Whether a datagram between these ports is for this protocol. */
  boolean accepts(int sourcePort, int destinationPort);

  /** One datagram payload; the buffer is only valid during the call. */
  void onDatagram(DatagramContext context, ByteBuffer payload);
}
