package io.fieldprint.protocols.packet;

import io.fieldprint.protocols.decode.PduContext;
import io.fieldprint.protocols.decode.TcpFlow;
import io.fieldprint.protocols.decode.TcpProtocol;
import io.fieldprint.protocols.decode.TcpSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Test framings of two real protocols that only count PDUs: Modbus/TCP (MBAP: transaction u16,
 * protocol u16 = 0, length u16 counting unit id and PDU, so the ADU is 6 + length bytes; lengths up
 * to 255 are accepted because Schneider UMAS frames in modicon_test.pcap use 255, one over the
 * spec's 254) and OPC UA binary (message type 3 ASCII bytes, chunk type 1 byte, message size u32
 * little-endian).
 */
abstract class CountingProtocol implements TcpProtocol {
  int pdus;
  int gaps;
  int sessions;
  int handshakes;

  static CountingProtocol modbus() {
    return new CountingProtocol() {
      @Override
      public String name() {
        return "modbus";
      }

      @Override
      public boolean isWellKnownPort(int port) {
        return port == 502;
      }

      @Override
      public int maxPduLength() {
        return 261;
      }

      @Override
      public int pduLength(ByteBuffer b) {
        int p = b.position();
        if (b.limit() - p < 7) {
          return NEED_MORE;
        }
        int length = b.getShort(p + 4) & 0xFFFF;
        if (b.getShort(p + 2) != 0 || length < 2 || length > 255) {
          return NOT_A_PDU;
        }
        return 6 + length;
      }
    };
  }

  static CountingProtocol opcua() {
    return new CountingProtocol() {
      @Override
      public String name() {
        return "opcua";
      }

      @Override
      public boolean isWellKnownPort(int port) {
        return port == 4840;
      }

      @Override
      public boolean sniff(ByteBuffer first) {
        return first.remaining() >= 8 && "HEL".equals(type(first, first.position()));
      }

      @Override
      public int maxPduLength() {
        return 1 << 20;
      }

      @Override
      public int pduLength(ByteBuffer b) {
        int p = b.position();
        if (b.limit() - p < 8) {
          return NEED_MORE;
        }
        String type = type(b, p);
        int chunk = b.get(p + 3);
        int size = b.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(p + 4);
        boolean known = "HEL ACK ERR RHE OPN CLO MSG".contains(type) && type.indexOf(' ') < 0;
        if (!known || (chunk != 'F' && chunk != 'C' && chunk != 'A') || size < 8) {
          return NOT_A_PDU;
        }
        return size;
      }

      private String type(ByteBuffer b, int p) {
        return new String(
            new byte[] {b.get(p), b.get(p + 1), b.get(p + 2)},
            java.nio.charset.StandardCharsets.ISO_8859_1);
      }
    };
  }

  @Override
  public TcpSession openSession(TcpFlow flow) {
    sessions++;
    if (flow.handshakeSeen()) {
      handshakes++;
    }
    return new TcpSession() {
      @Override
      public void onPdu(PduContext context, ByteBuffer pdu) {
        pdus++;
      }

      @Override
      public void onGap(PduContext context, long missingBytes) {
        gaps++;
      }
    };
  }
}
