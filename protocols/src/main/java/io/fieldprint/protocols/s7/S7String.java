package io.fieldprint.protocols.s7;

import java.nio.ByteBuffer;

/**
 * Fixed-width ASCII fields of SZL records, padded with spaces or NULs: decoded as ISO-8859-1,
 * control characters dropped (a NUL ends the text), trimmed.
 */
final class S7String {
  private S7String() {}

  static String decode(ByteBuffer b, int at, int width) {
    StringBuilder text = new StringBuilder(width);
    for (int i = 0; i < width; i++) {
      char c = (char) (b.get(at + i) & 0xFF);
      if (c == 0) {
        break;
      }
      if (c >= 0x20 && c != 0x7F && (c < 0x80 || c >= 0xA0)) {
        text.append(c);
      }
    }
    return text.toString().strip();
  }
}
