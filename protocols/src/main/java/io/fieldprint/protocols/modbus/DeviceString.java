package io.fieldprint.protocols.modbus;

import java.nio.ByteBuffer;

/**
 * Text a device put on the wire, made safe to keep: decoded as ISO-8859-1 (the Modbus spec says
 * ASCII), control characters dropped, capped at {@value #MAX_CHARS} characters, trimmed.
 */
final class DeviceString {
  static final int MAX_CHARS = 256;

  private DeviceString() {}

  /** Decodes {@code length} bytes at absolute {@code offset}; the caller has checked the bounds. */
  static String decode(ByteBuffer buffer, int offset, int length) {
    StringBuilder text = new StringBuilder(Math.min(length, MAX_CHARS));
    for (int i = 0; i < length && text.length() < MAX_CHARS; i++) {
      char c = (char) (buffer.get(offset + i) & 0xFF);
      if (isPrintable(c)) {
        text.append(c);
      }
    }
    return text.toString().strip();
  }

  static boolean isPrintable(char c) {
    return c >= 0x20 && c != 0x7F && (c < 0x80 || c >= 0xA0);
  }
}
