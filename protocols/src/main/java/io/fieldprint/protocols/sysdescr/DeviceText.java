package io.fieldprint.protocols.sysdescr;

import java.nio.ByteBuffer;

/**
 * Turns device-supplied bytes into text that is safe to store and show: decoded as ISO-8859-1,
 * control characters (including NUL padding) replaced by a space, runs of spaces collapsed, trimmed
 * and capped in length.
 */
public final class DeviceText {
  /** Default cap for device strings. */
  public static final int MAX_CHARS = 256;

  private DeviceText() {}

  /** {@code length} bytes at absolute {@code offset} of {@code buffer}, capped at 256 chars. */
  public static String decode(ByteBuffer buffer, int offset, int length) {
    return decode(buffer, offset, length, MAX_CHARS);
  }

  /** {@code length} bytes at absolute {@code offset} of {@code buffer}, capped at {@code max}. */
  public static String decode(ByteBuffer buffer, int offset, int length, int max) {
    int n = Math.max(0, Math.min(length, buffer.limit() - offset));
    StringBuilder out = new StringBuilder(Math.min(n, max));
    boolean space = true;
    for (int i = 0; i < n && out.length() < max; i++) {
      char c = (char) (buffer.get(offset + i) & 0xFF);
      if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == ' ') {
        if (!space) {
          out.append(' ');
          space = true;
        }
      } else {
        out.append(c);
        space = false;
      }
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
    return out.toString();
  }

  /** Whether any of the bytes is a control character (NUL included). */
  public static boolean hasControlCharacters(ByteBuffer buffer, int offset, int length) {
    int n = Math.max(0, Math.min(length, buffer.limit() - offset));
    for (int i = 0; i < n; i++) {
      int b = buffer.get(offset + i) & 0xFF;
      if (b < 0x20 || b == 0x7F) {
        return true;
      }
    }
    return false;
  }

  /** Lower-case hex of {@code length} bytes at {@code offset}, capped at {@code maxBytes}. */
  public static String hex(ByteBuffer buffer, int offset, int length, int maxBytes) {
    int n = Math.max(0, Math.min(Math.min(length, maxBytes), buffer.limit() - offset));
    StringBuilder out = new StringBuilder(n * 2);
    for (int i = 0; i < n; i++) {
      int b = buffer.get(offset + i) & 0xFF;
      out.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 0x0F, 16));
    }
    return out.toString();
  }
}
