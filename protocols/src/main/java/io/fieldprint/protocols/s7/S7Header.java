package io.fieldprint.protocols.s7;

import io.fieldprint.protocols.decode.BigEndian;
import io.fieldprint.protocols.decode.Parsed;
import java.nio.ByteBuffer;

/**
 * The S7comm header (big-endian): protocol id u8 (0x32), ROSCTR u8 (1 Job, 2 Ack, 3 Ack_Data, 7
 * Userdata), redundancy identification u16, PDU reference u16, parameter length u16, data length
 * u16; Ack and Ack_Data add error class u8 and error code u8.
 *
 * @param parameter absolute offset of the parameter block
 * @param data absolute offset of the data block
 * @param end absolute offset after the data block
 */
record S7Header(
    int rosctr,
    int pduReference,
    int parameterLength,
    int dataLength,
    int errorClass,
    int errorCode,
    int parameter,
    int data,
    int end) {
  static final int PROTOCOL_ID = 0x32;
  static final int S7COMM_PLUS_ID = 0x72;
  static final int JOB = 1;
  static final int ACK = 2;
  static final int ACK_DATA = 3;
  static final int USERDATA = 7;

  static Parsed<S7Header> parse(ByteBuffer b, int at, int end) {
    if (end - at < 10) {
      return Parsed.malformed("S7 header of " + (end - at) + " bytes, needs 10");
    }
    int rosctr = b.get(at + 1) & 0xFF;
    boolean ack = rosctr == ACK || rosctr == ACK_DATA;
    int header = ack ? 12 : 10;
    if (end - at < header) {
      return Parsed.malformed("S7 ack header of " + (end - at) + " bytes, needs 12");
    }
    int parameterLength = BigEndian.u16(b, at + 6);
    int dataLength = BigEndian.u16(b, at + 8);
    int parameter = at + header;
    if (end - parameter < parameterLength + dataLength) {
      return Parsed.malformed(
          "S7 parameter and data claim "
              + (parameterLength + dataLength)
              + " bytes, "
              + (end - parameter)
              + " present");
    }
    return Parsed.ok(
        new S7Header(
            rosctr,
            BigEndian.u16(b, at + 4),
            parameterLength,
            dataLength,
            ack ? b.get(at + 10) & 0xFF : 0,
            ack ? b.get(at + 11) & 0xFF : 0,
            parameter,
            parameter + parameterLength,
            parameter + parameterLength + dataLength));
  }
}
