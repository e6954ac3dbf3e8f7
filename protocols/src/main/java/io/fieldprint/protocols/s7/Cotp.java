package io.fieldprint.protocols.s7;

import io.fieldprint.protocols.decode.Parsed;
import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * An ISO 8073 COTP TPDU inside a TPKT: length indicator u8 (header bytes after itself), PDU type
 * (high nibble: 0xE CR, 0xD CC, 0xF DT, 0x8 DR, 0xC DC, 0x7 ER). DT: TPDU number with the
 * end-of-transmission bit 0x80, then user data. CR/CC: destination reference u16, source reference
 * u16, class u8, then parameters code u8, length u8, value (0xC1 calling TSAP, 0xC2 called TSAP,
 * 0xC0 TPDU size).
 *
 * @param type the PDU type's high nibble shifted in place (0xE0, 0xD0, 0xF0, ...)
 * @param endOfTransmission DT only: the last TPDU of a message
 * @param payload absolute offset of the user data (DT) or of the end of the header
 * @param callingTsap CR/CC source TSAP as hex, or {@code null}
 * @param calledTsap CR/CC destination TSAP as hex, or {@code null}
 */
record Cotp(
    int type, boolean endOfTransmission, int payload, String callingTsap, String calledTsap) {
  static final int CR = 0xE0;
  static final int CC = 0xD0;
  static final int DT = 0xF0;
  static final int MAX_TSAP = 16;

  static Parsed<Cotp> parse(ByteBuffer b, int at, int end) {
    if (end - at < 2) {
      return Parsed.malformed("COTP header missing");
    }
    int indicator = b.get(at) & 0xFF;
    int headerEnd = at + 1 + indicator;
    if (indicator < 1 || headerEnd > end) {
      return Parsed.malformed(
          "COTP length indicator " + indicator + ", " + (end - at - 1) + " bytes");
    }
    int type = b.get(at + 1) & 0xF0;
    if (type == DT) {
      if (indicator < 2) {
        return Parsed.malformed("COTP DT header of " + indicator + " bytes");
      }
      return Parsed.ok(new Cotp(type, (b.get(at + 2) & 0x80) != 0, headerEnd, null, null));
    }
    if (type == CR || type == CC) {
      return connection(b, at, type, headerEnd);
    }
    return Parsed.ok(new Cotp(type, false, headerEnd, null, null));
  }

  private static Parsed<Cotp> connection(ByteBuffer b, int at, int type, int headerEnd) {
    int p = at + 7;
    if (p > headerEnd) {
      return Parsed.malformed("COTP connection TPDU header of " + (headerEnd - at - 1) + " bytes");
    }
    String calling = null;
    String called = null;
    while (headerEnd - p >= 2) {
      int code = b.get(p) & 0xFF;
      int length = b.get(p + 1) & 0xFF;
      if (headerEnd - p - 2 < length) {
        return Parsed.malformed(
            String.format("COTP parameter 0x%02x claims %d bytes", code, length));
      }
      if ((code == 0xC1 || code == 0xC2) && length <= MAX_TSAP) {
        byte[] tsap = new byte[length];
        b.get(p + 2, tsap);
        String hex = HexFormat.of().formatHex(tsap);
        calling = code == 0xC1 ? hex : calling;
        called = code == 0xC2 ? hex : called;
      }
      p += 2 + length;
    }
    return Parsed.ok(new Cotp(type, false, headerEnd, calling, called));
  }
}
