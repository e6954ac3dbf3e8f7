package io.fieldprint.protocols.decode;

/** Context of one application PDU cut from a reassembled TCP stream. */
public interface PduContext extends PacketContext {

  TcpFlow flow();

  /** {@code true} when the PDU travelled from the server to the client. */
  boolean fromServer();

  /** The sender of this PDU. */
  default Endpoint sender() {
    return fromServer() ? flow().server() : flow().client();
  }

  /** The receiver of this PDU. */
  default Endpoint receiver() {
    return fromServer() ? flow().client() : flow().server();
  }
}
