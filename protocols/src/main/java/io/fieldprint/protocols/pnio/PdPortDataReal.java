package io.fieldprint.protocols.pnio;

import io.fieldprint.protocols.decode.Parsed;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PDPortDataReal (block type 0x020F, in the PDRealData record 0xF841): one port and the neighbours
 * LLDP found on it. Body: padding to 4, SlotNumber u16, SubslotNumber u16, LengthOwnPortID u8,
 * OwnPortID, NumberOfPeers u8, padding to 4, then per peer LengthPeerPortID u8, PeerPortID,
 * LengthPeerChassisID u8, PeerChassisID, padding to 4, LineDelay u32, PeerMACAddress 6 bytes,
 * padding to 4. The MAU type, boundaries and link state after the peers are not read.
 */
record PdPortDataReal(int slot, int subslot, String ownPortId, List<Peer> peers) {
  private static final int MAX_ID = 255;

  /** A neighbour seen on the port. */
  record Peer(String portId, String chassisId, String mac) {}

  static Parsed<PdPortDataReal> parse(ByteBuffer b, BlockHeader h, int alignBase) {
    BlockReader r = BlockReader.body(b, h, alignBase);
    r.align4();
    int slot = r.u16();
    int subslot = r.u16();
    String own = r.text(r.u8(), MAX_ID);
    int count = r.u8();
    r.align4();
    List<Peer> peers = new ArrayList<>();
    for (int i = 0; i < count && !r.overrun(); i++) {
      String port = r.text(r.u8(), MAX_ID);
      String chassis = r.text(r.u8(), MAX_ID);
      r.align4();
      r.u32(); // LineDelay
      peers.add(new Peer(port, chassis, r.mac()));
      r.align4();
    }
    if (r.overrun()) {
      return Parsed.malformed(
          "PDPortDataReal body of " + h.bodyLength() + " bytes is too short for its peers");
    }
    return Parsed.ok(new PdPortDataReal(slot, subslot, own, List.copyOf(peers)));
  }

  Map<String, Object> fields() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("slot", slot);
    f.put("subslot", FieldText.hex16(subslot));
    f.put("ownPortId", ownPortId);
    List<Map<String, Object>> list = new ArrayList<>();
    for (Peer p : peers) {
      Map<String, Object> pf = new LinkedHashMap<>();
      pf.put("peerPortId", p.portId());
      pf.put("peerChassisId", p.chassisId());
      pf.put("peerMac", p.mac());
      list.add(pf);
    }
    f.put("peers", list);
    return f;
  }
}
