package io.fieldprint.protocols.decode;

import java.nio.ByteBuffer;

/**
 * An application protocol carried over TCP. The reassembler cuts each direction of a connection
 * into PDUs with {@link #pduLength} and hands them to the connection's {@link TcpSession}.
 *
 * <p>Implementations are stateless and shared; per-connection state lives in the session.
 */
public interface TcpProtocol {

  /** {@link #pduLength} result: the buffer does not yet hold enough bytes to tell. */
  int NEED_MORE = -1;

  /** {@link #pduLength} result: the bytes at the position cannot start a PDU (resynchronise). */
  int NOT_A_PDU = -2;

  /** Protocol family name used in observations ({@code modbus}, {@code opcua}, ...). */
  String name();

  /** Whether a server of this protocol conventionally listens on {@code port}. */
  boolean isWellKnownPort(int port);

  /**
   * Content detection for connections on other ports: whether the first bytes a side sent look like
   * the start of this protocol. Must be cheap and must not read beyond {@code firstBytes.limit()}.
   */
  default boolean sniff(ByteBuffer firstBytes) {
    return false;
  }

  /** Upper bound on one PDU; longer claims are treated as {@link #NOT_A_PDU}. */
  int maxPduLength();

  /**
   * Length of the PDU that starts at {@code buffer.position()}, {@link #NEED_MORE} or {@link
   * #NOT_A_PDU}. Reads only between position and limit and does not move the position.
   */
  int pduLength(ByteBuffer buffer);

  /** Opens the per-connection state. */
  TcpSession openSession(TcpFlow flow);
}
