package io.fieldprint.protocols.s7;

import io.fieldprint.protocols.decode.BigEndian;
import io.fieldprint.protocols.decode.Parsed;
import java.nio.ByteBuffer;

/**
 * A system status list (SZL) extract as a Read SZL response carries it, after all its fragments are
 * joined: SZL id u16, index u16, record length u16 (LENTHDR), record count u16 (N_DR), then the
 * records. Ids 0x0Fxx ask for the header only and carry no records.
 *
 * @param buffer the bytes holding the list
 * @param firstRecord absolute offset of record 0
 * @param records records fully present (at most the count announced)
 * @param problem what was inconsistent, or {@code null}
 */
record SzlList(
    int id,
    int index,
    int recordLength,
    int count,
    ByteBuffer buffer,
    int firstRecord,
    int records,
    String problem) {
  static final int MAX_RECORDS = 256;

  static Parsed<SzlList> parse(ByteBuffer b, int at, int end) {
    if (end - at < 8) {
      return Parsed.malformed("SZL list of " + (end - at) + " bytes, header needs 8");
    }
    int id = BigEndian.u16(b, at);
    int recordLength = BigEndian.u16(b, at + 4);
    int count = BigEndian.u16(b, at + 6);
    int records = 0;
    String problem = null;
    if (!isHeaderOnly(id) && count > 0) {
      if (recordLength == 0) {
        return Parsed.malformed("SZL list with records of length 0");
      }
      int present = (end - at - 8) / recordLength;
      records = Math.min(Math.min(count, present), MAX_RECORDS);
      if (present < count) {
        problem = "SZL list announces " + count + " records, holds " + present;
      }
    }
    return Parsed.ok(
        new SzlList(
            id, BigEndian.u16(b, at + 2), recordLength, count, b, at + 8, records, problem));
  }

  /** The partial list number, the low byte of the id (0x11 module, 0x1C component). */
  int partialList() {
    return id & 0xFF;
  }

  static boolean isHeaderOnly(int id) {
    return (id & 0x0F00) == 0x0F00;
  }

  int recordAt(int i) {
    return firstRecord + i * recordLength;
  }
}
