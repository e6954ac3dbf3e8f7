package io.fieldprint.protocols.enip;

import io.fieldprint.protocols.decode.Parsed;
import java.nio.ByteBuffer;

/**
 * The CIP Identity object's attributes 1-8 as a ListIdentity item and a Get_Attributes_All reply
 * carry them (little-endian): vendor id u16, device type u16, product code u16, revision (major u8,
 * minor u8), status WORD, serial number UDINT, product name SHORT_STRING (length u8 + characters),
 * state u8.
 *
 * @param state the state byte, or {@code null} when the data ends after the product name
 */
record CipIdentity(
    int vendorId,
    int deviceType,
    int productCode,
    int revisionMajor,
    int revisionMinor,
    int status,
    long serialNumber,
    String productName,
    Integer state) {

  /** Bytes before the product name's characters. */
  static final int FIXED = 15;

  /** Decodes the attributes between absolute offsets {@code at} and {@code end}. */
  static Parsed<CipIdentity> parse(ByteBuffer b, int at, int end) {
    if (end - at < FIXED) {
      return Parsed.malformed("CIP identity of " + (end - at) + " bytes, needs at least " + FIXED);
    }
    int nameLength = LittleEndian.u8(b, at + 14);
    if (end - at - FIXED < nameLength) {
      return Parsed.malformed(
          "product name claims " + nameLength + " bytes, " + (end - at - FIXED) + " left");
    }
    int stateAt = at + FIXED + nameLength;
    return Parsed.ok(
        new CipIdentity(
            LittleEndian.u16(b, at),
            LittleEndian.u16(b, at + 2),
            LittleEndian.u16(b, at + 4),
            LittleEndian.u8(b, at + 6),
            LittleEndian.u8(b, at + 7),
            LittleEndian.u16(b, at + 8),
            LittleEndian.u32(b, at + 10),
            CipString.decode(b, at + FIXED, nameLength),
            stateAt < end ? LittleEndian.u8(b, stateAt) : null));
  }

  /** The revision as Wireshark shows it: major, a dot, minor with two digits. */
  String revision() {
    return String.format("%d.%02d", revisionMajor, revisionMinor);
  }

  /** The serial number as Wireshark shows it, {@code 0x0000a3b1}. */
  String serialHex() {
    return String.format("0x%08x", serialNumber);
  }
}
