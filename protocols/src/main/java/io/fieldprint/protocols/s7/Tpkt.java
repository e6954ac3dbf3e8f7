package io.fieldprint.protocols.s7;

import io.fieldprint.protocols.decode.BigEndian;
import java.nio.ByteBuffer;

/**
 * RFC 1006 TPKT framing on TCP 102: version u8 (3), reserved u8 (0), length u16 big-endian counting
 * these 4 bytes, then one COTP TPDU. The shortest valid packet (a COTP DT header alone) is 7 bytes.
 */
final class Tpkt {
  static final int HEADER = 4;
  static final int MIN_LENGTH = 7;

  /** Longest packet accepted: the largest COTP TPDU size (8192) with its headers. */
  static final int MAX_LENGTH = 8192 + 16;

  private Tpkt() {}

  static int packetLength(ByteBuffer b, int needMore, int notAPdu) {
    int p = b.position();
    int available = b.remaining();
    if (available >= 1 && b.get(p) != 3) {
      return notAPdu;
    }
    if (available >= 2 && b.get(p + 1) != 0) {
      return notAPdu;
    }
    if (available < HEADER) {
      return needMore;
    }
    int length = BigEndian.u16(b, p + 2);
    return length < MIN_LENGTH || length > MAX_LENGTH ? notAPdu : length;
  }
}
