package io.fieldprint.protocols.s7;

import io.fieldprint.protocols.decode.BigEndian;
import io.fieldprint.protocols.decode.Parsed;
import java.nio.ByteBuffer;

/**
 * The data block of an S7 Userdata PDU: return code u8 (0xFF success, 0x0A object does not exist),
 * transport size u8 (0x09 octet string: length in bytes; 0x03/0x04/0x05: length in bits), length
 * u16, then the data.
 *
 * @param start absolute offset of the data
 * @param end absolute offset after the data
 */
record UserDataItem(int returnCode, int transportSize, int start, int end) {
  static final int SUCCESS = 0xFF;

  static Parsed<UserDataItem> parse(ByteBuffer b, int at, int end) {
    if (end - at < 4) {
      return Parsed.malformed("userdata data item of " + (end - at) + " bytes, needs 4");
    }
    int transportSize = b.get(at + 1) & 0xFF;
    int length = BigEndian.u16(b, at + 2);
    if (transportSize >= 3 && transportSize <= 5) {
      length = (length + 7) / 8;
    }
    if (end - at - 4 < length) {
      return Parsed.malformed(
          "userdata data item claims " + length + " bytes, " + (end - at - 4) + " present");
    }
    return Parsed.ok(new UserDataItem(b.get(at) & 0xFF, transportSize, at + 4, at + 4 + length));
  }

  int length() {
    return end - start;
  }
}
