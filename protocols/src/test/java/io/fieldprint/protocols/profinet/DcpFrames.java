package io.fieldprint.protocols.profinet;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Builds DCP PDUs (from the FrameID on) for tests. */
final class DcpFrames {
  private DcpFrames() {}

  static byte[] pdu(int frameId, int serviceId, int serviceType, int delay, byte[]... blocks) {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (byte[] b : blocks) {
      data.writeBytes(b);
    }
    ByteBuffer out = ByteBuffer.allocate(12 + data.size());
    out.putShort((short) frameId).put((byte) serviceId).put((byte) serviceType);
    out.putInt(0x01000001).putShort((short) delay).putShort((short) data.size());
    out.put(data.toByteArray());
    return out.array();
  }

  /** A block with an optional BlockInfo/BlockQualifier ({@code prefix} -1 for none), padded. */
  static byte[] block(int option, int suboption, int prefix, byte[] value) {
    int length = value.length + (prefix >= 0 ? 2 : 0);
    ByteBuffer out = ByteBuffer.allocate(4 + length + (length & 1));
    out.put((byte) option).put((byte) suboption).putShort((short) length);
    if (prefix >= 0) {
      out.putShort((short) prefix);
    }
    out.put(value);
    return out.array();
  }

  static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** A full Identify response of an IO device with every device property block. */
  static byte[] identifyResponse() {
    return pdu(
        0xFEFF,
        5,
        1,
        0,
        block(2, 5, 0, bytes(1, 1, 1, 2, 2, 1, 2, 2, 2, 3, 2, 4)),
        block(2, 1, 0, ascii("IC200PNS001")),
        block(2, 2, 0, ascii("versamax-pns11")),
        block(2, 3, 0, bytes(0x00, 0x2a, 0x0a, 0x01)),
        block(2, 4, 0, bytes(0x01, 0x00)),
        block(1, 2, 1, bytes(192, 168, 1, 2, 255, 255, 255, 0, 192, 168, 1, 1)),
        block(1, 1, 0, bytes(0x00, 0x09, 0x91, 0x43, 0xe0, 0x67)),
        block(2, 6, 0, ascii("port-001.switch1")),
        block(2, 7, 0, bytes(0x00, 0x64)),
        block(2, 8, 0, bytes(0x01, 0x1d, 0x00, 0x42)),
        block(2, 10, 0, bytes(0x00, 0x3f)),
        block(3, 61, 0, bytes(61, 1, 1)),
        block(0x80, 7, 0, bytes(0xde, 0xad)));
  }
}
