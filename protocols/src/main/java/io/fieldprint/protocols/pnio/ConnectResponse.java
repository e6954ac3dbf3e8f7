package io.fieldprint.protocols.pnio;

import io.fieldprint.protocols.decode.Parsed;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Connect response (opnum 0) says: PNIOStatus and, when the device accepted, its ARBlockRes.
 * The IOCR, alarm CR and ModuleDiff blocks after it are passed over.
 *
 * @param pnioStatus 0 accepted, else the refusal's error code (-1 when the args are malformed)
 * @param ar the ARBlockRes, or {@code null}
 * @param problems what could not be decoded
 */
record ConnectResponse(long pnioStatus, ArBlockRes ar, List<String> problems) {

  static ConnectResponse decode(ByteBuffer b, PnioPdu pdu) {
    List<String> problems = new ArrayList<>();
    PnioArgs args = Parsed.take(PnioArgs.parse(b, pdu), problems);
    if (args == null || args.pnioStatus() != 0) {
      return new ConnectResponse(args == null ? -1 : args.pnioStatus(), null, problems);
    }
    BlockList list = BlockList.read(b, args.blocksStart(), args.blocksEnd(), !pdu.complete());
    if (list.problem() != null) {
      problems.add("Connect response: " + list.problem());
    }
    ArBlockRes ar = null;
    for (BlockHeader h : list.blocks()) {
      if (h.type() == BlockHeader.AR_BLOCK_RES && h.knownVersion()) {
        ar = Parsed.take(ArBlockRes.parse(b, h, pdu.bodyStart()), problems);
        break;
      }
    }
    return new ConnectResponse(args.pnioStatus(), ar, List.copyOf(problems));
  }
}
