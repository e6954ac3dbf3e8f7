package io.fieldprint.protocols.pnio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
 * NDR primitives in the sender's data representation (C706 chapter 14): integers in the byte order
 * the header's {@code drep} announces, UUIDs with their first three fields in that order and the
 * last eight bytes as sent. Reads are absolute and assume the caller checked the bounds; the
 * buffer's own byte order is ignored.
 */
final class NdrData {
  private NdrData() {}

  /** Whether a {@code drep[0]} byte announces little-endian integers (high nibble 1). */
  static boolean littleEndian(int drep0) {
    return (drep0 & 0xF0) == 0x10;
  }

  static int u16(ByteBuffer b, int at, boolean littleEndian) {
    short v = b.getShort(at);
    return (swap(b, littleEndian) ? Short.reverseBytes(v) : v) & 0xFFFF;
  }

  static long u32(ByteBuffer b, int at, boolean littleEndian) {
    int v = b.getInt(at);
    return (swap(b, littleEndian) ? Integer.reverseBytes(v) : v) & 0xFFFF_FFFFL;
  }

  static long u64(ByteBuffer b, int at, boolean littleEndian) {
    long v = b.getLong(at);
    return swap(b, littleEndian) ? Long.reverseBytes(v) : v;
  }

  /** A 16-byte UUID at {@code at}. */
  static UUID uuid(ByteBuffer b, int at, boolean littleEndian) {
    long timeLow = u32(b, at, littleEndian);
    long timeMid = u16(b, at + 4, littleEndian);
    long timeHigh = u16(b, at + 6, littleEndian);
    long msb = (timeLow << 32) | (timeMid << 16) | timeHigh;
    return new UUID(msb, u64(b, at + 8, false));
  }

  private static boolean swap(ByteBuffer b, boolean littleEndian) {
    return littleEndian == (b.order() == ByteOrder.BIG_ENDIAN);
  }
}
