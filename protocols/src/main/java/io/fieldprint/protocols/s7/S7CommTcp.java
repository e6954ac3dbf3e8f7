package io.fieldprint.protocols.s7;

import io.fieldprint.protocols.decode.TcpFlow;
import io.fieldprint.protocols.decode.TcpProtocol;
import io.fieldprint.protocols.decode.TcpSession;
import java.nio.ByteBuffer;

/**
 * Siemens S7comm (and S7comm-plus, detected only) on ISO-on-TCP, TCP 102: packets are cut by the
 * TPKT header. See {@link S7Session}.
 */
public final class S7CommTcp implements TcpProtocol {
  public static final String NAME = "s7comm";
  public static final int PORT = 102;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean isWellKnownPort(int port) {
    return port == PORT;
  }

  /** A TPKT carrying a COTP connection request, as an S7 client opens with. */
  @Override
  public boolean sniff(ByteBuffer firstBytes) {
    int p = firstBytes.position();
    return firstBytes.remaining() >= 11
        && Tpkt.packetLength(firstBytes, NEED_MORE, NOT_A_PDU) > 0
        && (firstBytes.get(p + 5) & 0xF0) == Cotp.CR;
  }

  @Override
  public int maxPduLength() {
    return Tpkt.MAX_LENGTH;
  }

  @Override
  public int pduLength(ByteBuffer buffer) {
    return Tpkt.packetLength(buffer, NEED_MORE, NOT_A_PDU);
  }

  @Override
  public TcpSession openSession(TcpFlow flow) {
    return new S7Session(flow);
  }
}
