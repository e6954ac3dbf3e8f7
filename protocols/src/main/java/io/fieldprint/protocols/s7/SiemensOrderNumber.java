package io.fieldprint.protocols.s7;

/**
 * Siemens order numbers (MLFB): SIMATIC S7 modules start {@code 6ES7}, SIPLUS (extended
 * environmental range) variants {@code 6AG1}/{@code 6AG2}, SIMATIC NET communication processors
 * {@code 6GK}.
 */
final class SiemensOrderNumber {
  private SiemensOrderNumber() {}

  /** The prefix that marks {@code orderNumber} as Siemens, or {@code null}. */
  static String siemensPrefix(String orderNumber) {
    if (orderNumber == null) {
      return null;
    }
    for (String prefix : new String[] {"6ES7", "6AG1", "6AG2", "6GK"}) {
      if (orderNumber.startsWith(prefix)) {
        return prefix;
      }
    }
    return null;
  }
}
