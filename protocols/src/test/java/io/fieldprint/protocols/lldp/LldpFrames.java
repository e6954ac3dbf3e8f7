package io.fieldprint.protocols.lldp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Builds LLDPDUs for tests. */
final class LldpFrames {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  static LldpFrames lldpdu() {
    return new LldpFrames();
  }

  LldpFrames tlv(int type, byte[] value) {
    out.write((type << 1) | (value.length >>> 8));
    out.write(value.length & 0xFF);
    out.writeBytes(value);
    return this;
  }

  LldpFrames tlv(int type, String text) {
    return tlv(type, text.getBytes(StandardCharsets.ISO_8859_1));
  }

  LldpFrames org(int oui, int subtype, byte[] value) {
    ByteBuffer b = ByteBuffer.allocate(4 + value.length);
    b.put((byte) (oui >>> 16))
        .put((byte) (oui >>> 8))
        .put((byte) oui)
        .put((byte) subtype)
        .put(value);
    return tlv(127, b.array());
  }

  byte[] end() {
    tlv(0, new byte[0]);
    return out.toByteArray();
  }

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      o.writeBytes(p);
    }
    return o.toByteArray();
  }

  static byte[] text(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
