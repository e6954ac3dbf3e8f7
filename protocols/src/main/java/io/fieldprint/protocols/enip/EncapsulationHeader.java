package io.fieldprint.protocols.enip;

import java.nio.ByteBuffer;

/**
 * The EtherNet/IP encapsulation header (24 bytes, little-endian) in front of every message on TCP
 * and UDP 44818: command u16 (0x0004 ListServices, 0x0063 ListIdentity, 0x0064 ListInterfaces,
 * 0x0065 RegisterSession, 0x0066 UnRegisterSession, 0x006F SendRRData, 0x0070 SendUnitData), length
 * u16 (bytes of command-specific data after the header), session handle u32, status u32 (0 on
 * success), sender context (8 bytes, echoed by the target), options u32. Read in place.
 */
final class EncapsulationHeader {
  static final int SIZE = 24;
  static final int LIST_IDENTITY = 0x0063;
  static final int SEND_RR_DATA = 0x006F;

  /** Commands ODVA defines, including the reserved legacy 0x0001-0x0003. */
  static boolean isKnownCommand(int command) {
    return switch (command) {
      case 0x0000,
          0x0001,
          0x0002,
          0x0003,
          0x0004,
          0x0063,
          0x0064,
          0x0065,
          0x0066,
          0x006F,
          0x0070,
          0x0072,
          0x0073 ->
          true;
      default -> false;
    };
  }

  /**
   * Length of the message at the buffer's position: 24 + the length field; {@code notAPdu} for an
   * unknown command or a message longer than {@code max}; {@code needMore} before 4 bytes.
   */
  static int messageLength(ByteBuffer b, int max, int needMore, int notAPdu) {
    int p = b.position();
    if (b.remaining() >= 2 && !isKnownCommand(LittleEndian.u16(b, p))) {
      return notAPdu;
    }
    if (b.remaining() < 4) {
      return needMore;
    }
    int total = SIZE + LittleEndian.u16(b, p + 2);
    return total > max ? notAPdu : total;
  }

  private EncapsulationHeader() {}
}
