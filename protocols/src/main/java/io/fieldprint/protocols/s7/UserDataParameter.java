package io.fieldprint.protocols.s7;

import io.fieldprint.protocols.decode.BigEndian;
import io.fieldprint.protocols.decode.Parsed;
import java.nio.ByteBuffer;

/**
 * The parameter block of an S7 Userdata PDU: head (3 bytes, 00 01 12), parameter length u8 (4 for
 * requests, 8 with the extension), method u8 (0x11 request, 0x12 response), type (high nibble: 4
 * request, 8 response, 0 push) and function group (low nibble: 4 CPU functions) u8, subfunction u8
 * (1 Read SZL), sequence number u8; the extension adds data unit reference u8, last data unit u8 (0
 * = last) and error code u16.
 */
record UserDataParameter(
    int type,
    int group,
    int subfunction,
    int sequence,
    int dataUnitReference,
    int lastDataUnit,
    int errorCode) {
  static final int TYPE_REQUEST = 4;
  static final int TYPE_RESPONSE = 8;
  static final int GROUP_CPU_FUNCTIONS = 4;
  static final int READ_SZL = 1;

  static Parsed<UserDataParameter> parse(ByteBuffer b, int at, int end) {
    if (end - at < 8) {
      return Parsed.malformed("userdata parameter of " + (end - at) + " bytes, needs 8");
    }
    int length = b.get(at + 3) & 0xFF;
    boolean extended = length >= 8 && end - at >= 12;
    int typeGroup = b.get(at + 5) & 0xFF;
    return Parsed.ok(
        new UserDataParameter(
            typeGroup >> 4,
            typeGroup & 0x0F,
            b.get(at + 6) & 0xFF,
            b.get(at + 7) & 0xFF,
            extended ? b.get(at + 8) & 0xFF : 0,
            extended ? b.get(at + 9) & 0xFF : 0,
            extended ? BigEndian.u16(b, at + 10) : 0));
  }

  boolean isReadSzl() {
    return group == GROUP_CPU_FUNCTIONS && subfunction == READ_SZL;
  }
}
