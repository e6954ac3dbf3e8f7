package io.fieldprint.protocols.inventory;

import java.util.Locale;

/** Which reported serial numbers are distinctive enough to identify one device. */
final class SerialNumbers {
  private static final int MIN_LENGTH = 6;
  private static final java.util.Set<String> PLACEHOLDERS =
      java.util.Set.of("NOTSET", "DEFAULT", "SERIAL", "123456", "1234567", "12345678", "123456789");

  private SerialNumbers() {}

  /** Case, spaces and separators do not make two serials different. */
  static String normalise(String serial) {
    return serial.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-_:.]", "");
  }

  /**
   * At least six significant characters, not one character repeated (placeholders such as {@code
   * 000000}, {@code 0x00000000}, {@code FFFFFFFF}), and not a placeholder word.
   */
  static boolean distinctive(String serial) {
    String s = normalise(serial);
    if (s.startsWith("0X")) {
      s = s.substring(2);
    }
    if (s.length() < MIN_LENGTH || s.chars().distinct().count() < 2) {
      return false;
    }
    return !PLACEHOLDERS.contains(s) && !s.contains("UNKNOWN");
  }
}
