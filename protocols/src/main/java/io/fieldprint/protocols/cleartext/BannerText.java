package io.fieldprint.protocols.cleartext;

import java.nio.ByteBuffer;

/** Text a server sent, made safe to keep: printable ASCII only, at most 256 characters, trimmed. */
final class BannerText {
  static final int MAX_CHARS = 256;

  private BannerText() {}

  static String decode(ByteBuffer b, int at, int end) {
    StringBuilder text = new StringBuilder(Math.min(end - at, MAX_CHARS));
    for (int i = at; i < end && text.length() < MAX_CHARS; i++) {
      int c = b.get(i) & 0xFF;
      if (c >= 0x20 && c < 0x7F) {
        text.append((char) c);
      }
    }
    return text.toString().strip();
  }

  static String clean(String s) {
    StringBuilder text = new StringBuilder(Math.min(s.length(), MAX_CHARS));
    for (int i = 0; i < s.length() && text.length() < MAX_CHARS; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7F) {
        text.append(c);
      }
    }
    return text.toString().strip();
  }
}
