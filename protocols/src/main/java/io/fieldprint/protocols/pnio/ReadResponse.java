package io.fieldprint.protocols.pnio;

import io.fieldprint.protocols.decode.Parsed;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Read or Read Implicit response (opnum 2 or 5) says: PNIOStatus, the IODReadResHeader
 * naming the record read, and the identification blocks of the record data.
 *
 * @param pnioStatus 0 when the read succeeded, -1 when the args could not be read
 * @param header the IODReadResHeader, or {@code null} (read failed, or malformed)
 * @param records the decoded record data, or {@code null} without a header
 * @param problems what could not be decoded
 */
record ReadResponse(
    long pnioStatus, IodReadResHeader header, RecordData records, List<String> problems) {

  static ReadResponse decode(ByteBuffer b, PnioPdu pdu) {
    List<String> problems = new ArrayList<>();
    PnioArgs args = Parsed.take(PnioArgs.parse(b, pdu), problems);
    if (args == null || args.pnioStatus() != 0) {
      return new ReadResponse(args == null ? -1 : args.pnioStatus(), null, null, problems);
    }
    if (args.overClaims() && pdu.complete()) {
      problems.add("Read response ActualCount " + args.actualCount() + " exceeds the body");
    }
    int start = args.blocksStart();
    int end = args.blocksEnd();
    BlockList first = BlockList.read(b, start, Math.min(end, start + 64), false);
    if (first.blocks().isEmpty()
        || first.blocks().get(0).type() != BlockHeader.IOD_READ_RES_HEADER) {
      problems.add("Read response does not start with a complete IODReadResHeader");
      return new ReadResponse(args.pnioStatus(), null, null, problems);
    }
    BlockHeader h = first.blocks().get(0);
    IodReadResHeader header = Parsed.take(IodReadResHeader.parse(b, h, pdu.bodyStart()), problems);
    if (header == null) {
      return new ReadResponse(args.pnioStatus(), null, null, problems);
    }
    int recordEnd = (int) Math.min(end, h.end() + header.recordDataLength());
    if (h.end() + header.recordDataLength() > end && pdu.complete()) {
      problems.add(
          "RecordDataLength " + header.recordDataLength() + " exceeds the bytes after the header");
    }
    RecordData records = new RecordData(b, pdu.bodyStart(), pdu.complete());
    records.read(h.end(), recordEnd, header.slot(), header.subslot(), false);
    problems.addAll(records.problems);
    return new ReadResponse(args.pnioStatus(), header, records, List.copyOf(problems));
  }
}
