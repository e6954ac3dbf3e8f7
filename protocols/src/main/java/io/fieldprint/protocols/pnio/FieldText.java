package io.fieldprint.protocols.pnio;

import java.util.HexFormat;

/** How PN-IO numbers are written in evidence fields: fixed-width lower-case hex, as tshark does. */
final class FieldText {
  private FieldText() {}

  static String hex16(int v) {
    return "0x" + HexFormat.of().toHexDigits((short) v);
  }

  static String hex32(long v) {
    return "0x" + HexFormat.of().toHexDigits((int) v);
  }
}
