package io.fieldprint.protocols.capture;

import java.nio.ByteBuffer;

/**
 * One Interface Description Block of a pcapng section.
 *
 * @param linkType LinkType u16
 * @param snaplen SnapLen u32, 0 for no limit
 * @param resolution {@code if_tsresol} (option 9, 1 byte): high bit clear = 10^-n s, set = 2^-n s
 * @param offsetSeconds {@code if_tsoffset} (option 14, i64 seconds added to every timestamp)
 */
record PcapngInterface(int linkType, long snaplen, int resolution, long offsetSeconds) {
  static final int OPTION_END = 0;
  static final int OPTION_TSRESOL = 9;
  static final int OPTION_TSOFFSET = 14;
  static final int DEFAULT_RESOLUTION = 6;

  /**
   * Parses an IDB body. {@code start} is the first byte after the block header; {@code end} the
   * first byte of the trailing length. Malformed options are ignored (the defaults apply).
   */
  static PcapngInterface parse(ByteBuffer b, int start, int end) {
    int linkType = b.getShort(start) & 0xFFFF;
    long snaplen = Integer.toUnsignedLong(b.getInt(start + 4));
    int resolution = DEFAULT_RESOLUTION;
    long offset = 0;
    int o = start + 8;
    while (o + 4 <= end) {
      int code = b.getShort(o) & 0xFFFF;
      int length = b.getShort(o + 2) & 0xFFFF;
      if (code == OPTION_END || o + 4 + length > end) {
        break;
      }
      if (code == OPTION_TSRESOL && length == 1 && isValidResolution(b.get(o + 4) & 0xFF)) {
        resolution = b.get(o + 4) & 0xFF;
      } else if (code == OPTION_TSOFFSET && length == 8) {
        offset = b.getLong(o + 4);
      }
      o += 4 + ((length + 3) & ~3);
    }
    return new PcapngInterface(linkType, snaplen, resolution, offset);
  }

  static boolean isValidResolution(int value) {
    return (value & 0x80) != 0 ? (value & 0x7F) <= 63 : value <= 18;
  }

  /** Converts a timestamp in this interface's units (unsigned 64-bit) to epoch nanoseconds. */
  long toNanos(long units) {
    long nanos;
    if ((resolution & 0x80) == 0) {
      nanos = decimalToNanos(units, resolution);
    } else {
      nanos = binaryToNanos(units, resolution & 0x7F);
    }
    return nanos + offsetSeconds * 1_000_000_000L;
  }

  private static long decimalToNanos(long units, int exponent) {
    if (exponent <= 9) {
      return units * pow10(9 - exponent);
    }
    return Long.divideUnsigned(units, pow10(exponent - 9));
  }

  private static long binaryToNanos(long units, int exponent) {
    long seconds = exponent == 0 ? units : units >>> exponent;
    long fraction = exponent == 0 ? 0 : units & ((1L << exponent) - 1);
    int bits = exponent;
    if (bits > 32) {
      fraction >>>= bits - 32;
      bits = 32;
    }
    return seconds * 1_000_000_000L + ((fraction * 1_000_000_000L) >>> bits);
  }

  private static long pow10(int n) {
    long result = 1;
    for (int i = 0; i < n; i++) {
      result *= 10;
    }
    return result;
  }
}
