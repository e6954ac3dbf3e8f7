package io.fieldprint.protocols.pnio;

import io.fieldprint.protocols.decode.Parsed;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identification blocks found in the record data of a Read response, whatever the index:
 * I&amp;M0 (0x0020), I&amp;M0FilterData (0x0030-0x0032), PDInterfaceDataReal (0x0240) and
 * PDPortDataReal (0x020F), also inside MultipleBlockHeader (0x0400) containers. Other blocks
 * (diagnosis, ...) are passed over.
 */
final class RecordData {
  /** Ports taken from one record (devices have a handful). */
  static final int MAX_PORTS = 64;

  private final ByteBuffer b;
  private final int alignBase;
  private final boolean complete;
  final List<String> problems = new ArrayList<>();
  final List<Map<String, Object>> im0 = new ArrayList<>();
  final Map<String, Object> im0Filter = new LinkedHashMap<>();
  final List<Map<String, Object>> ports = new ArrayList<>();

  /** I&amp;M0 of slot 0 (the device access point): the device's own identification. */
  IAndM0 deviceIm0;

  PdInterfaceDataReal interfaceData;

  RecordData(ByteBuffer b, int alignBase, boolean complete) {
    this.b = b;
    this.alignBase = alignBase;
    this.complete = complete;
  }

  boolean found() {
    return !im0.isEmpty() || !im0Filter.isEmpty() || !ports.isEmpty() || interfaceData != null;
  }

  /** Reads the blocks in {@code [from, to)}, addressed to {@code slot}/{@code subslot}. */
  void read(int from, int to, int slot, int subslot, boolean nested) {
    BlockList list = BlockList.read(b, from, to, !complete && !nested);
    if (list.problem() != null) {
      problems.add("record data: " + list.problem());
    }
    for (BlockHeader h : list.blocks()) {
      if (h.knownVersion()) {
        block(h, slot, subslot, nested);
      }
    }
  }

  private void block(BlockHeader h, int slot, int subslot, boolean nested) {
    switch (h.type()) {
      case BlockHeader.I_AND_M0 -> {
        IAndM0 m = Parsed.take(IAndM0.parse(b, h, alignBase), problems);
        if (m != null) {
          im0.add(m.fields(slot, subslot));
          if (slot == 0 && deviceIm0 == null) {
            deviceIm0 = m;
          }
        }
      }
      case BlockHeader.I_AND_M0_FILTER_DATA_SUBMODULE,
          BlockHeader.I_AND_M0_FILTER_DATA_MODULE,
          BlockHeader.I_AND_M0_FILTER_DATA_DEVICE -> {
        IAndM0FilterData f = Parsed.take(IAndM0FilterData.parse(b, h, alignBase), problems);
        if (f != null) {
          im0Filter.put(f.kind(), f.fields());
        }
      }
      case BlockHeader.PD_INTERFACE_DATA_REAL -> {
        PdInterfaceDataReal d = Parsed.take(PdInterfaceDataReal.parse(b, h, alignBase), problems);
        interfaceData = interfaceData == null ? d : interfaceData;
      }
      case BlockHeader.PD_PORT_DATA_REAL -> {
        PdPortDataReal p = Parsed.take(PdPortDataReal.parse(b, h, alignBase), problems);
        if (p != null && ports.size() < MAX_PORTS) {
          ports.add(p.fields());
        }
      }
      case BlockHeader.MULTIPLE_BLOCK_HEADER -> {
        if (!nested) {
          multiple(h);
        }
      }
      default -> {}
    }
  }

  /** MultipleBlockHeader: padding to 4, API u32, SlotNumber u16, SubslotNumber u16, blocks. */
  private void multiple(BlockHeader h) {
    BlockReader r = BlockReader.body(b, h, alignBase);
    r.align4();
    r.u32();
    int slot = r.u16();
    int subslot = r.u16();
    if (r.overrun()) {
      problems.add("MultipleBlockHeader body of " + h.bodyLength() + " bytes is too short");
      return;
    }
    read(r.position(), r.end(), slot, subslot, true);
  }
}
