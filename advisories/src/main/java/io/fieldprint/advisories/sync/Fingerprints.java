package io.fieldprint.advisories.sync;

import java.util.HexFormat;
import java.util.Locale;

/** OpenPGP fingerprints as fieldprint writes them: upper-case hex without spaces. */
final class Fingerprints {
  private Fingerprints() {}

  /** {@code "f5f7 ffb6 ..."} or {@code "0xF5F7FFB6..."} becomes {@code "F5F7FFB6..."}. */
  static String normalise(String text) {
    String s = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    return s.startsWith("0X") ? s.substring(2) : s;
  }

  static String of(byte[] fingerprint) {
    return HexFormat.of().withUpperCase().formatHex(fingerprint);
  }
}
