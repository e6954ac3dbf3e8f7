package io.fieldprint.protocols.packet;

import io.fieldprint.protocols.decode.PduContext;
import io.fieldprint.protocols.decode.TcpFlow;
import io.fieldprint.protocols.decode.TcpProtocol;
import io.fieldprint.protocols.decode.TcpSession;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A test protocol: each PDU is marker u16 {@code 0xCAFE}, length u16 (whole PDU, at least 4), then
 * the body. Its server listens on 7777; sniffing recognises the marker. Sessions record what they
 * are told as readable events.
 */
class LengthPrefixedProtocol implements TcpProtocol {
  static final int PORT = 7777;
  static final int MARKER = 0xCAFE;

  final List<String> events = new ArrayList<>();
  final List<TcpFlow> flows = new ArrayList<>();
  final List<String> origins = new ArrayList<>();
  private final int maxPdu;
  private int closed;

  LengthPrefixedProtocol() {
    this(4096);
  }

  LengthPrefixedProtocol(int maxPdu) {
    this.maxPdu = maxPdu;
  }

  /** A PDU with {@code body}. */
  static byte[] pdu(byte[] body) {
    return ByteBuffer.allocate(4 + body.length)
        .putShort((short) MARKER)
        .putShort((short) (4 + body.length))
        .put(body)
        .array();
  }

  /** A PDU whose body is {@code length} bytes counting up from {@code seed}. */
  static byte[] pdu(int length, int seed) {
    byte[] body = new byte[length];
    for (int i = 0; i < length; i++) {
      body[i] = (byte) (seed + i);
    }
    return pdu(body);
  }

  /** The event a session records for {@code pdu}. */
  static String event(boolean fromServer, byte[] pdu) {
    return (fromServer ? "s>c " : "c>s ") + HexFormat.of().formatHex(pdu);
  }

  int closedSessions() {
    return closed;
  }

  List<String> pdus() {
    return events.stream().filter(e -> !e.startsWith("gap") && !e.equals("close")).toList();
  }

  @Override
  public String name() {
    return "test";
  }

  @Override
  public boolean isWellKnownPort(int port) {
    return port == PORT;
  }

  @Override
  public boolean sniff(ByteBuffer firstBytes) {
    int p = firstBytes.position();
    return firstBytes.limit() - p >= 4 && (firstBytes.getShort(p) & 0xFFFF) == MARKER;
  }

  @Override
  public int maxPduLength() {
    return maxPdu;
  }

  @Override
  public int pduLength(ByteBuffer buffer) {
    int p = buffer.position();
    if (buffer.limit() - p < 4) {
      return NEED_MORE;
    }
    int length = buffer.getShort(p + 2) & 0xFFFF;
    if ((buffer.getShort(p) & 0xFFFF) != MARKER || length < 4) {
      return NOT_A_PDU;
    }
    return length;
  }

  @Override
  public TcpSession openSession(TcpFlow flow) {
    flows.add(flow);
    return new TcpSession() {
      @Override
      public void onPdu(PduContext context, ByteBuffer pdu) {
        byte[] bytes = new byte[pdu.remaining()];
        pdu.duplicate().get(bytes);
        events.add(event(context.fromServer(), bytes));
        origins.add(context.origin());
      }

      @Override
      public void onGap(PduContext context, long missingBytes) {
        events.add("gap " + (context.fromServer() ? "s>c " : "c>s ") + missingBytes);
      }

      @Override
      public void onClose() {
        events.add("close");
        closed++;
      }
    };
  }
}
