package io.fieldprint.protocols.pnio;

/** How PN-IO numbers are written in evidence fields: fixed-width lower-case hex, as tshark does. */
final class FieldText {
  private FieldText() {}

  static String hex16(int v) {
    return String.format("0x%04x", v & 0xFFFF);
  }

  static String hex32(long v) {
    return String.format("0x%08x", v & 0xFFFF_FFFFL);
  }
}
