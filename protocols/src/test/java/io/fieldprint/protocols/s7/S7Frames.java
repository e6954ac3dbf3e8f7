package io.fieldprint.protocols.s7;

import io.fieldprint.protocols.replay.Bytes;

/** Builds TPKT/COTP/S7 packets for tests. */
final class S7Frames {
  private S7Frames() {}

  static byte[] tpkt(byte[] cotp) {
    return Bytes.of().u8(3, 0).u16(cotp.length + 4).bytes(cotp).build();
  }

  static byte[] connectionRequest(int type, String callingTsap, String calledTsap) {
    byte[] calling = Bytes.hex(callingTsap);
    byte[] called = Bytes.hex(calledTsap);
    Bytes params =
        Bytes.of()
            .u8(0xC1, calling.length)
            .bytes(calling)
            .u8(0xC2, called.length)
            .bytes(called)
            .u8(0xC0, 1, 0x0A);
    byte[] p = params.build();
    return tpkt(Bytes.of().u8(6 + p.length, type).u16(0).u16(0x000A).u8(0).bytes(p).build());
  }

  static byte[] dt(byte[] payload, boolean last) {
    return tpkt(Bytes.of().u8(2, 0xF0, last ? 0x80 : 0x00).bytes(payload).build());
  }

  static byte[] s7(int rosctr, int pduRef, byte[] parameter, byte[] data) {
    Bytes b = Bytes.of().u8(0x32, rosctr).u16(0).u16(pduRef).u16(parameter.length).u16(data.length);
    if (rosctr == 2 || rosctr == 3) {
      b.u8(0, 0);
    }
    return b.bytes(parameter).bytes(data).build();
  }

  static byte[] readSzlRequest(int pduRef, int szlId, int index) {
    byte[] parameter = Bytes.hex("000112 04 11 44 01 00");
    byte[] data = Bytes.of().u8(0xFF, 0x09).u16(4).u16(szlId).u16(index).build();
    return dt(s7(7, pduRef, parameter, data), true);
  }

  static byte[] readSzlFollowUp(int pduRef, int sequence) {
    byte[] parameter = Bytes.of().hexBytes("000112 08 12 44 01").u8(sequence, 0, 0).u16(0).build();
    return dt(s7(7, pduRef, parameter, Bytes.hex("0a000000")), true);
  }

  static byte[] readSzlResponse(int pduRef, int dataUnitRef, boolean last, byte[] payload) {
    byte[] parameter =
        Bytes.of().hexBytes("000112 08 12 84 01 02").u8(dataUnitRef, last ? 0 : 1).u16(0).build();
    byte[] data = Bytes.of().u8(0xFF, 0x09).u16(payload.length).bytes(payload).build();
    return dt(s7(7, pduRef, parameter, data), true);
  }

  static byte[] szlList(int id, int index, int recordLength, int count, byte[] records) {
    return Bytes.of().u16(id).u16(index).u16(recordLength).u16(count).bytes(records).build();
  }

  static byte[] moduleRecord(int index, String orderNumber, int typeId, int ausbg, int ausbe) {
    return Bytes.of()
        .u16(index)
        .fixed(orderNumber, 20, ' ')
        .u16(typeId)
        .u16(ausbg)
        .u16(ausbe)
        .build();
  }

  static byte[] componentText(int index, String text) {
    return Bytes.of().u16(index).fixed(text, 32, 0).build();
  }

  /** The module identification in s7comm_reading_plc_status.pcap frame 59 (checked with tshark). */
  static byte[] im151ModuleIdentification() {
    return szlList(
        0x0011,
        0,
        28,
        4,
        Bytes.of()
            .bytes(moduleRecord(0x0001, "6ES7 151-8AB01-0AB0", 0x00C0, 3, 1))
            .bytes(moduleRecord(0x0006, "6ES7 151-8AB01-0AB0", 0x00C0, 3, 1))
            .bytes(moduleRecord(0x0007, "", 0x00C0, 0x5603, 0x0206))
            .bytes(moduleRecord(0x0081, "Boot Loader", 0x0000, 0x4120, 0x0909))
            .build());
  }

  /** The component identification joined from frames 69 and 72 of the same capture. */
  static byte[] im151ComponentIdentification() {
    return szlList(
        0x001C,
        0,
        34,
        10,
        Bytes.of()
            .bytes(componentText(0x0001, "IM151-8-CPU"))
            .bytes(componentText(0x0002, "IM151-8 PN/DP CPU"))
            .bytes(componentText(0x0003, ""))
            .bytes(componentText(0x0004, "Original Siemens Equipment"))
            .bytes(componentText(0x0005, "S C-C6TW74882012"))
            .bytes(componentText(0x0007, "IM151-8 PN/DP CPU"))
            .bytes(componentText(0x0008, "MMC 2900FC1A"))
            .u16(0x0009)
            .u16(0x002A)
            .u16(0xF600)
            .u16(0x0001)
            .bytes(new byte[26])
            .u16(0x000A)
            .fixed("", 26, 0)
            .u16(0)
            .u32(0)
            .bytes(componentText(0x000B, ""))
            .build());
  }
}
