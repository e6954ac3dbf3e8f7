package io.fieldprint.protocols.oui;

import java.nio.ByteBuffer;

/** Formatting and parsing of 48-bit MAC addresses (lower-case, colon-separated text). */
public final class MacAddress {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private MacAddress() {}

  /** The six bytes at {@code offset} of {@code buffer} (absolute, position unchanged) as text. */
  public static String format(ByteBuffer buffer, int offset) {
    char[] out = new char[17];
    for (int i = 0; i < 6; i++) {
      int b = buffer.get(offset + i) & 0xFF;
      out[i * 3] = HEX[b >>> 4];
      out[i * 3 + 1] = HEX[b & 0x0F];
      if (i < 5) {
        out[i * 3 + 2] = ':';
      }
    }
    return new String(out);
  }

  /** The six bytes of {@code bytes} starting at {@code offset} as text. */
  public static String format(byte[] bytes, int offset) {
    return format(ByteBuffer.wrap(bytes), offset);
  }

  /**
   * The 48-bit value of a MAC written with ':', '-' or '.' separators or none, or -1 when the text
   * is not a MAC address.
   */
  public static long parse(String text) {
    if (text == null || text.length() > 20) {
      return -1;
    }
    long value = 0;
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int d = Character.digit(c, 16);
      if (d >= 0) {
        value = (value << 4) | d;
        digits++;
      } else if (c != ':' && c != '-' && c != '.') {
        return -1;
      }
    }
    return digits == 12 ? value : -1;
  }

  /** Whether the individual/group bit (0x01 of the first octet) marks a group address. */
  public static boolean isMulticast(long mac) {
    return ((mac >>> 40) & 0x01) != 0;
  }

  /** Whether the universal/local bit (0x02 of the first octet) marks a locally administered one. */
  public static boolean isLocallyAdministered(long mac) {
    return ((mac >>> 40) & 0x02) != 0;
  }
}
