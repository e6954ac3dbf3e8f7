package io.fieldprint.protocols.enip;

import io.fieldprint.protocols.decode.Parsed;
import java.nio.ByteBuffer;

/**
 * SendRRData command-specific data: interface handle u32, timeout u16, then the Common Packet
 * Format, item count u16 and items of type id u16, length u16, data. An unconnected message sits in
 * item 0x00B2 (Unconnected Data), after a 0x0000 Null Address item.
 */
final class CommonPacketFormat {
  static final int UNCONNECTED_DATA = 0x00B2;
  static final int MAX_ITEMS = 4;

  private CommonPacketFormat() {}

  /**
   * Absolute offsets of one item's data.
   *
   * @param start first byte
   * @param end one past the last byte
   */
  record Span(int start, int end) {}

  /** The Unconnected Data item of the SendRRData data between {@code at} and {@code end}. */
  static Parsed<Span> unconnectedData(ByteBuffer b, int at, int end) {
    if (end - at < 8) {
      return Parsed.malformed("SendRRData of " + (end - at) + " bytes, needs 8");
    }
    int count = LittleEndian.u16(b, at + 6);
    int p = at + 8;
    for (int i = 0; i < Math.min(count, MAX_ITEMS); i++) {
      if (end - p < 4) {
        return Parsed.malformed("common packet format announces " + count + " items, holds " + i);
      }
      int type = LittleEndian.u16(b, p);
      int length = LittleEndian.u16(b, p + 2);
      if (end - p - 4 < length) {
        return Parsed.malformed(
            String.format("CPF item 0x%04x claims %d bytes, %d left", type, length, end - p - 4));
      }
      if (type == UNCONNECTED_DATA) {
        return Parsed.ok(new Span(p + 4, p + 4 + length));
      }
      p += 4 + length;
    }
    return Parsed.malformed("SendRRData without unconnected data item");
  }
}
