package io.fieldprint.protocols.pnio;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Test-side writer of PN-IO blocks (big-endian), tracking the offset in the RPC body so padding to
 * 4 lands where a device puts it.
 */
final class StubWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final int base;

  /**
   * @param base offset in the RPC body of the first byte written
   */
  StubWriter(int base) {
    this.base = base;
  }

  static byte[] blocks(int base, Consumer<StubWriter> content) {
    StubWriter w = new StubWriter(base);
    content.accept(w);
    return w.toByteArray();
  }

  StubWriter u8(int v) {
    out.write(v);
    return this;
  }

  StubWriter u16(int v) {
    return u8(v >>> 8).u8(v);
  }

  StubWriter u32(long v) {
    return u16((int) (v >>> 16)).u16((int) v);
  }

  StubWriter uuid(UUID u) {
    long msb = u.getMostSignificantBits();
    long lsb = u.getLeastSignificantBits();
    return u32(msb >>> 32).u32(msb).u32(lsb >>> 32).u32(lsb);
  }

  StubWriter bytes(byte[] b) {
    out.write(b, 0, b.length);
    return this;
  }

  /** {@code s} in ISO-8859-1, space padded to {@code width} (no padding when 0). */
  StubWriter text(String s, int width) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    bytes(b);
    for (int i = b.length; i < width; i++) {
      u8(' ');
    }
    return this;
  }

  StubWriter mac(String mac) {
    for (String part : mac.split(":")) {
      u8(Integer.parseInt(part, 16));
    }
    return this;
  }

  StubWriter ipv4(String ip) {
    for (String part : ip.split("\\.")) {
      u8(Integer.parseInt(part));
    }
    return this;
  }

  StubWriter align4() {
    while (((base + out.size()) & 3) != 0) {
      u8(0);
    }
    return this;
  }

  /** A block: BlockType, BlockLength (patched), version 1.0, then {@code body}. */
  StubWriter block(int type, Consumer<StubWriter> body) {
    StubWriter inner = new StubWriter(base + out.size() + BlockHeader.SIZE);
    body.accept(inner);
    byte[] b = inner.toByteArray();
    u16(type).u16(b.length + 2).u8(1).u8(0);
    return bytes(b);
  }

  int size() {
    return out.size();
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
