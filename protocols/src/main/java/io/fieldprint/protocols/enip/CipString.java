package io.fieldprint.protocols.enip;

import java.nio.ByteBuffer;

/**
 * CIP text made safe to keep: ISO-8859-1, control characters dropped, at most {@value #MAX_CHARS}
 * characters, trimmed.
 */
final class CipString {
  static final int MAX_CHARS = 256;

  private CipString() {}

  static String decode(ByteBuffer b, int at, int length) {
    StringBuilder text = new StringBuilder(Math.min(length, MAX_CHARS));
    for (int i = 0; i < length && text.length() < MAX_CHARS; i++) {
      char c = (char) (b.get(at + i) & 0xFF);
      if (c >= 0x20 && c != 0x7F && (c < 0x80 || c >= 0xA0)) {
        text.append(c);
      }
    }
    return text.toString().strip();
  }
}
