package io.fieldprint.protocols.replay;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Builds test PDUs byte by byte. */
public final class Bytes {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public static Bytes of() {
    return new Bytes();
  }

  public static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  public static String hexOf(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  public Bytes u8(int... values) {
    for (int v : values) {
      out.write(v);
    }
    return this;
  }

  public Bytes u16(int v) {
    return u8(v >>> 8, v & 0xFF);
  }

  public Bytes u16le(int v) {
    return u8(v & 0xFF, v >>> 8);
  }

  public Bytes u32(long v) {
    return u16((int) (v >>> 16) & 0xFFFF).u16((int) v & 0xFFFF);
  }

  public Bytes u32le(long v) {
    return u16le((int) v & 0xFFFF).u16le((int) (v >>> 16) & 0xFFFF);
  }

  public Bytes ascii(String s) {
    out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    return this;
  }

  /** {@code s} padded with {@code pad} bytes to {@code width}. */
  public Bytes fixed(String s, int width, int pad) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < width; i++) {
      out.write(i < b.length ? b[i] : pad);
    }
    return this;
  }

  public Bytes hexBytes(String hex) {
    return bytes(hex(hex));
  }

  public Bytes bytes(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  public int size() {
    return out.size();
  }

  public byte[] build() {
    return out.toByteArray();
  }
}
