package io.fieldprint.protocols.decode;

/** Context of one UDP datagram. */
public interface DatagramContext extends PacketContext {

  Endpoint source();

  Endpoint destination();
}
