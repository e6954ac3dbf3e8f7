package io.fieldprint.protocols.enip;

import java.nio.ByteBuffer;

/**
 * Little-endian reads at absolute offsets, whatever the buffer's own byte order (and the one
 * big-endian field CIP has, the socket address).
 */
final class LittleEndian {
  private LittleEndian() {}

  static int u8(ByteBuffer b, int at) {
    return b.get(at) & 0xFF;
  }

  static int u16(ByteBuffer b, int at) {
    return (b.get(at) & 0xFF) | (b.get(at + 1) & 0xFF) << 8;
  }

  static long u32(ByteBuffer b, int at) {
    return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xFFFFFFFFL;
  }

  static long u64(ByteBuffer b, int at) {
    return u32(b, at) | u32(b, at + 4) << 32;
  }

  static int u16be(ByteBuffer b, int at) {
    return (b.get(at) & 0xFF) << 8 | (b.get(at + 1) & 0xFF);
  }
}
