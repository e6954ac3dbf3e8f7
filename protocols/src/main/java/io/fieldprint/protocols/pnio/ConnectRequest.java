package io.fieldprint.protocols.pnio;

import io.fieldprint.protocols.decode.Parsed;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Connect request (opnum 0) says: the ARBlockReq describing the CM initiator and the modules
 * it expects in the device. IOCR and alarm CR blocks are passed over.
 *
 * @param ar the ARBlockReq, or {@code null} when absent or malformed
 * @param expected expected modules from all ExpectedSubmoduleBlockReq blocks, at most {@link
 *     ExpectedSubmoduleBlockReq#MAX_MODULES}
 * @param expectedCut whether expected modules were left out (caps, or a body cut short)
 * @param problems what could not be decoded
 */
record ConnectRequest(
    ArBlockReq ar,
    List<ExpectedSubmoduleBlockReq.Module> expected,
    boolean expectedCut,
    List<String> problems) {

  static ConnectRequest decode(ByteBuffer b, PnioPdu pdu) {
    List<String> problems = new ArrayList<>();
    PnioArgs args = Parsed.take(PnioArgs.parse(b, pdu), problems);
    if (args == null) {
      return new ConnectRequest(null, List.of(), false, List.copyOf(problems));
    }
    if (args.overClaims() && pdu.complete()) {
      problems.add("Connect request ActualCount " + args.actualCount() + " exceeds the body");
    }
    BlockList list = BlockList.read(b, args.blocksStart(), args.blocksEnd(), !pdu.complete());
    if (list.problem() != null) {
      problems.add("Connect request: " + list.problem());
    }
    ArBlockReq ar = null;
    List<ExpectedSubmoduleBlockReq.Module> expected = new ArrayList<>();
    boolean cut = !pdu.complete();
    for (BlockHeader h : list.blocks()) {
      if (!h.knownVersion()) {
        continue;
      }
      if (h.type() == BlockHeader.AR_BLOCK_REQ && ar == null) {
        ar = Parsed.take(ArBlockReq.parse(b, h, pdu.bodyStart()), problems);
      } else if (h.type() == BlockHeader.EXPECTED_SUBMODULE_BLOCK_REQ) {
        ExpectedSubmoduleBlockReq e =
            Parsed.take(ExpectedSubmoduleBlockReq.parse(b, h, pdu.bodyStart()), problems);
        if (e != null) {
          int room = ExpectedSubmoduleBlockReq.MAX_MODULES - expected.size();
          expected.addAll(e.modules().subList(0, Math.min(room, e.modules().size())));
          cut |= e.cut() || e.modules().size() > room;
        }
      }
    }
    return new ConnectRequest(ar, List.copyOf(expected), cut, List.copyOf(problems));
  }
}
