package io.fieldprint.protocols.pnio;

import io.fieldprint.protocols.decode.Parsed;
import java.nio.ByteBuffer;

/**
 * The NDR arguments in front of the PN-IO blocks (20 bytes, integers in the RPC data
 * representation). Requests: ArgsMaximum u32, ArgsLength u32, then the varying array header
 * MaximumCount u32, Offset u32, ActualCount u32. Responses carry PNIOStatus (ErrorCode,
 * ErrorDecode, ErrorCode1, ErrorCode2; 4 × u8) in place of ArgsMaximum.
 *
 * @param argsMaximum requests only, else -1
 * @param pnioStatus responses only (0 = OK), else -1
 * @param blocksStart absolute offset of the first block
 * @param blocksEnd end of the blocks: ActualCount bytes on, or the end of the body if sooner
 */
record PnioArgs(
    long argsMaximum,
    long pnioStatus,
    long argsLength,
    long maximumCount,
    long offset,
    long actualCount,
    int blocksStart,
    int blocksEnd) {
  static final int SIZE = 20;

  static Parsed<PnioArgs> parse(ByteBuffer b, PnioPdu pdu) {
    int at = pdu.bodyStart();
    if (pdu.bodyEnd() - at < SIZE) {
      return Parsed.malformed("PNIO args need 20 bytes, the body has " + (pdu.bodyEnd() - at));
    }
    boolean le = pdu.header().littleEndian();
    boolean response = pdu.header().packetType() == DceRpcClHeader.RESPONSE;
    long first = response ? NdrData.u32(b, at, false) : NdrData.u32(b, at, le);
    long actual = NdrData.u32(b, at + 16, le);
    int start = at + SIZE;
    int end = (int) Math.min(pdu.bodyEnd(), start + actual);
    return Parsed.ok(
        new PnioArgs(
            response ? -1 : first,
            response ? first : -1,
            NdrData.u32(b, at + 4, le),
            NdrData.u32(b, at + 8, le),
            NdrData.u32(b, at + 12, le),
            actual,
            start,
            end));
  }

  /** ActualCount claims more bytes than the body has after the args. */
  boolean overClaims() {
    return actualCount > blocksEnd - blocksStart;
  }
}
