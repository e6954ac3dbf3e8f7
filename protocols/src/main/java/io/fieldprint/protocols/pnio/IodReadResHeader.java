package io.fieldprint.protocols.pnio;

import io.fieldprint.protocols.decode.Parsed;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * IODReadResHeader (block type 0x8009, 64 bytes), first block of a Read or Read Implicit response;
 * the record data follows it. It repeats the addressed record (API, slot, subslot, index), so a
 * response is understood without its request.
 *
 * @param seqNumber u16
 * @param arUuid 16 bytes (nil for Read Implicit)
 * @param api u32
 * @param slot SlotNumber, u16
 * @param subslot SubslotNumber, u16 (after it 2 bytes padding)
 * @param index u16: 0xAFF0 I&amp;M0, 0xF840 I&amp;M0FilterData, 0xF841 PDRealData, ...
 * @param recordDataLength u32
 * @param additionalValue1 u16
 * @param additionalValue2 u16 (20 bytes padding follow)
 */
record IodReadResHeader(
    int seqNumber,
    UUID arUuid,
    long api,
    int slot,
    int subslot,
    int index,
    long recordDataLength,
    int additionalValue1,
    int additionalValue2) {

  static Parsed<IodReadResHeader> parse(ByteBuffer b, BlockHeader h, int alignBase) {
    BlockReader r = BlockReader.body(b, h, alignBase);
    int seq = r.u16();
    UUID ar = r.uuid();
    long api = r.u32();
    int slot = r.u16();
    int subslot = r.u16();
    r.skip(2);
    int index = r.u16();
    long length = r.u32();
    IodReadResHeader res =
        new IodReadResHeader(seq, ar, api, slot, subslot, index, length, r.u16(), r.u16());
    r.skip(20);
    if (r.overrun()) {
      return Parsed.malformed(
          "IODReadResHeader body of " + h.bodyLength() + " bytes is shorter than 58");
    }
    return Parsed.ok(res);
  }
}
