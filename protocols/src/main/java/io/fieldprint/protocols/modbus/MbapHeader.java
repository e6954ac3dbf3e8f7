package io.fieldprint.protocols.modbus;

import io.fieldprint.protocols.decode.BigEndian;
import java.nio.ByteBuffer;

/**
 * The Modbus Application Protocol header that starts every Modbus/TCP frame (7 bytes, big-endian):
 * transaction id u16 (chosen by the client, echoed by the server), protocol id u16 (always 0),
 * length u16 (the bytes that follow: unit id + PDU, 2..254), unit id u8 (a serial slave behind a
 * gateway, or 0/255 for the server itself). Sessions read the fields in place, without copying.
 */
final class MbapHeader {
  /** Bytes of the header including the unit id. */
  static final int SIZE = 7;

  /** Bytes before the length-counted part (transaction id, protocol id, length). */
  static final int PREFIX = 6;

  static final int MIN_LENGTH = 2;
  static final int MAX_LENGTH = 254;

  /** Longest frame: prefix + 254. */
  static final int MAX_FRAME = PREFIX + MAX_LENGTH;

  /**
   * Length of the frame at the buffer's position, or a {@code TcpProtocol} NEED_MORE / NOT_A_PDU
   * code. Reads without moving the position.
   */
  static int frameLength(ByteBuffer buffer, int needMore, int notAPdu) {
    int p = buffer.position();
    int available = buffer.remaining();
    if (available >= 4 && BigEndian.u16(buffer, p + 2) != 0) {
      return notAPdu;
    }
    if (available < PREFIX) {
      return needMore;
    }
    int length = BigEndian.u16(buffer, p + 4);
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      return notAPdu;
    }
    return PREFIX + length;
  }

  private MbapHeader() {}
}
