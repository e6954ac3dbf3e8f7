package io.fieldprint.protocols.pnio;

import io.fieldprint.protocols.decode.Parsed;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One block of the I&amp;M0FilterData record (index 0xF840): which submodules carry their own
 * I&amp;M0 data (block type 0x0030), which modules (0x0031) and which submodule stands for the
 * whole device (0x0032). Body: NumberOfAPIs u16, per API: API u32, NumberOfModules u16, per module:
 * SlotNumber u16, ModuleIdentNumber u32, NumberOfSubmodules u16, per submodule: SubslotNumber u16,
 * SubmoduleIdentNumber u32.
 *
 * @param kind "submodules", "modules" or "device"
 * @param entries at most {@link #MAX_ENTRIES}
 */
record IAndM0FilterData(String kind, List<Entry> entries) {
  static final int MAX_ENTRIES = 256;

  /** One submodule listed. */
  record Entry(
      long api, int slot, long moduleIdentNumber, int subslot, long submoduleIdentNumber) {}

  static Parsed<IAndM0FilterData> parse(ByteBuffer b, BlockHeader h, int alignBase) {
    BlockReader r = BlockReader.body(b, h, alignBase);
    List<Entry> entries = new ArrayList<>();
    int apis = r.u16();
    for (int i = 0; i < apis && !r.overrun(); i++) {
      long api = r.u32();
      int modules = r.u16();
      for (int j = 0; j < modules && !r.overrun(); j++) {
        int slot = r.u16();
        long module = r.u32();
        int submodules = r.u16();
        for (int k = 0; k < submodules && !r.overrun(); k++) {
          Entry e = new Entry(api, slot, module, r.u16(), r.u32());
          if (!r.overrun() && entries.size() < MAX_ENTRIES) {
            entries.add(e);
          }
        }
      }
    }
    if (r.overrun()) {
      return Parsed.malformed(
          "I&M0FilterData block " + h.typeText() + " is too short for its entries");
    }
    return Parsed.ok(new IAndM0FilterData(kind(h.type()), List.copyOf(entries)));
  }

  private static String kind(int type) {
    return switch (type) {
      case BlockHeader.I_AND_M0_FILTER_DATA_SUBMODULE -> "submodules";
      case BlockHeader.I_AND_M0_FILTER_DATA_MODULE -> "modules";
      default -> "device";
    };
  }

  List<Map<String, Object>> fields() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Entry e : entries) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("api", e.api());
      f.put("slot", e.slot());
      f.put("moduleIdentNumber", FieldText.hex32(e.moduleIdentNumber()));
      f.put("subslot", FieldText.hex16(e.subslot()));
      f.put("submoduleIdentNumber", FieldText.hex32(e.submoduleIdentNumber()));
      out.add(f);
    }
    return out;
  }
}
