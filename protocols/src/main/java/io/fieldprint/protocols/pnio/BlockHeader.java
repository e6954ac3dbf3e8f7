package io.fieldprint.protocols.pnio;

/**
 * PN-IO BlockHeader (6 bytes, big-endian whatever the RPC data representation): BlockType u16,
 * BlockLength u16 (bytes after the length field, version bytes included), BlockVersionHigh u8,
 * BlockVersionLow u8.
 *
 * @param offset absolute offset of BlockType in the buffer
 */
record BlockHeader(int offset, int type, int length, int versionHigh, int versionLow) {
  static final int SIZE = 6;

  static final int AR_BLOCK_REQ = 0x0101;
  static final int EXPECTED_SUBMODULE_BLOCK_REQ = 0x0104;
  static final int AR_BLOCK_RES = 0x8101;
  static final int IOD_READ_RES_HEADER = 0x8009;
  static final int I_AND_M0 = 0x0020;
  static final int I_AND_M0_FILTER_DATA_SUBMODULE = 0x0030;
  static final int I_AND_M0_FILTER_DATA_MODULE = 0x0031;
  static final int I_AND_M0_FILTER_DATA_DEVICE = 0x0032;
  static final int PD_PORT_DATA_REAL = 0x020F;
  static final int PD_INTERFACE_DATA_REAL = 0x0240;
  static final int MULTIPLE_BLOCK_HEADER = 0x0400;

  /** Version 1.x, the only layouts decoded here (as in Wireshark). */
  boolean knownVersion() {
    return versionHigh == 1;
  }

  /** First byte after the version bytes. */
  int bodyStart() {
    return offset + SIZE;
  }

  /** First byte after the block. */
  int end() {
    return offset + 4 + length;
  }

  int bodyLength() {
    return length - 2;
  }

  String typeText() {
    return FieldText.hex16(type);
  }
}
