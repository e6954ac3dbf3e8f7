package io.fieldprint.protocols.modbus;

import io.fieldprint.protocols.decode.TcpFlow;
import io.fieldprint.protocols.decode.TcpProtocol;
import io.fieldprint.protocols.decode.TcpSession;
import java.nio.ByteBuffer;

/**
 * Modbus/TCP (TCP 502): frames are cut by the MBAP header (protocol id 0, length 2..254). Sessions
 * decode device identification and summarise the rest; see {@link ModbusSession}.
 */
public final class ModbusTcp implements TcpProtocol {
  public static final String NAME = "modbus";
  public static final int PORT = 502;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean isWellKnownPort(int port) {
    return port == PORT;
  }

  /**
   * A Modbus frame on another port: protocol id 0, a plausible length, and a function code that is
   * neither 0 nor an exception of nothing (0x80). Weak on its own, so it needs the whole header.
   */
  @Override
  public boolean sniff(ByteBuffer firstBytes) {
    if (firstBytes.remaining() < MbapHeader.SIZE + 1) {
      return false;
    }
    int length = MbapHeader.frameLength(firstBytes, NEED_MORE, NOT_A_PDU);
    int functionCode = firstBytes.get(firstBytes.position() + MbapHeader.SIZE) & 0xFF;
    return length > 0 && FunctionCodes.isAssigned(functionCode & 0x7F);
  }

  @Override
  public int maxPduLength() {
    return MbapHeader.MAX_FRAME;
  }

  @Override
  public int pduLength(ByteBuffer buffer) {
    return MbapHeader.frameLength(buffer, NEED_MORE, NOT_A_PDU);
  }

  @Override
  public TcpSession openSession(TcpFlow flow) {
    return new ModbusSession(flow);
  }
}
