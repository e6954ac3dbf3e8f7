package io.fieldprint.protocols.opcua;

import io.fieldprint.protocols.decode.TcpFlow;
import io.fieldprint.protocols.decode.TcpProtocol;
import io.fieldprint.protocols.decode.TcpSession;
import java.nio.ByteBuffer;

/**
 * OPC UA binary over TCP ({@code opc.tcp}, Part 6 §7): well-known port 4840, recognised on any port
 * by its 8-byte message header. A PDU is one message or chunk, MessageSize bytes long. Stateless;
 * per-connection state lives in {@link OpcUaSession}.
 */
public final class OpcUaTcpProtocol implements TcpProtocol {
  /** The IANA port for OPC UA binary (opc.tcp). */
  public static final int PORT = 4840;

  private final UaLimits limits;

  public OpcUaTcpProtocol() {
    this(UaLimits.DEFAULT);
  }

  public OpcUaTcpProtocol(UaLimits limits) {
    this.limits = limits;
  }

  @Override
  public String name() {
    return Emitter.PROTOCOL;
  }

  @Override
  public boolean isWellKnownPort(int port) {
    return port == PORT;
  }

  /**
   * The first bytes a side sent look like OPC UA: a known MessageType, a ChunkType allowed for it
   * and a MessageSize between the type's minimum and {@link UaLimits#maxChunkBytes}.
   */
  @Override
  public boolean sniff(ByteBuffer firstBytes) {
    int p = firstBytes.position();
    return firstBytes.limit() - p >= MessageHeader.LENGTH
        && MessageHeader.problem(firstBytes, p, limits.maxChunkBytes()) == null;
  }

  @Override
  public int maxPduLength() {
    return limits.maxChunkBytes();
  }

  @Override
  public int pduLength(ByteBuffer buffer) {
    int p = buffer.position();
    int available = buffer.limit() - p;
    if (available < 4) {
      return available >= 3 && MessageHeader.typeAt(buffer, p) < 0 ? NOT_A_PDU : NEED_MORE;
    }
    if (available < MessageHeader.LENGTH) {
      int type = MessageHeader.typeAt(buffer, p);
      return type < 0 || !MessageHeader.chunkAllowed(type, buffer.get(p + 3) & 0xFF)
          ? NOT_A_PDU
          : NEED_MORE;
    }
    return MessageHeader.problem(buffer, p, limits.maxChunkBytes()) == null
        ? (int) MessageHeader.sizeAt(buffer, p)
        : NOT_A_PDU;
  }

  @Override
  public TcpSession openSession(TcpFlow flow) {
    return new OpcUaSession(flow, limits);
  }
}
