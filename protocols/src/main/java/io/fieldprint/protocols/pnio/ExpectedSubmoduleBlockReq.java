package io.fieldprint.protocols.pnio;

import io.fieldprint.protocols.decode.Parsed;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ExpectedSubmoduleBlockReq (block type 0x0104) of a Connect request: the modules and submodules
 * the IO controller expects in the device (its configured GSD idents, a fingerprint of the device
 * model). Body: NumberOfAPIs u16, then per entry API u32, SlotNumber u16, ModuleIdentNumber u32,
 * ModuleProperties u16, NumberOfSubmodules u16, and per submodule SubslotNumber u16,
 * SubmoduleIdentNumber u32, SubmoduleProperties u16 and one DataDescription (two when the
 * properties' type bits say input and output) of 6 bytes.
 *
 * @param modules at most {@link #MAX_MODULES} entries
 * @param cut whether entries beyond the caps were left out
 */
record ExpectedSubmoduleBlockReq(List<Module> modules, boolean cut) {
  static final int MAX_MODULES = 128;
  static final int MAX_SUBMODULES = 32;
  private static final int DATA_DESCRIPTION = 6;

  /** One expected module (slot). */
  record Module(long api, int slot, long moduleIdentNumber, List<Submodule> submodules) {}

  /** One expected submodule (subslot). */
  record Submodule(int subslot, long submoduleIdentNumber, int properties) {}

  static Parsed<ExpectedSubmoduleBlockReq> parse(ByteBuffer b, BlockHeader h, int alignBase) {
    BlockReader r = BlockReader.body(b, h, alignBase);
    int count = r.u16();
    List<Module> modules = new ArrayList<>();
    boolean cut = false;
    for (int i = 0; i < count && !r.overrun(); i++) {
      long api = r.u32();
      int slot = r.u16();
      long ident = r.u32();
      r.u16(); // ModuleProperties
      int subCount = r.u16();
      List<Submodule> subs = new ArrayList<>();
      for (int j = 0; j < subCount && !r.overrun(); j++) {
        Submodule s = new Submodule(r.u16(), r.u32(), r.u16());
        r.skip(((s.properties() & 0x3) == 0x3 ? 2 : 1) * DATA_DESCRIPTION);
        if (subs.size() < MAX_SUBMODULES) {
          subs.add(s);
        } else {
          cut = true;
        }
      }
      if (modules.size() < MAX_MODULES) {
        modules.add(new Module(api, slot, ident, List.copyOf(subs)));
      } else {
        cut = true;
      }
    }
    if (r.overrun()) {
      return Parsed.malformed(
          "ExpectedSubmoduleBlockReq body of "
              + h.bodyLength()
              + " bytes is too short for its "
              + count
              + " entries");
    }
    return Parsed.ok(new ExpectedSubmoduleBlockReq(List.copyOf(modules), cut));
  }

  /** JSON-friendly form of a module. */
  static Map<String, Object> fields(Module m) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("api", m.api());
    f.put("slot", m.slot());
    f.put("moduleIdentNumber", FieldText.hex32(m.moduleIdentNumber()));
    List<Map<String, Object>> subs = new ArrayList<>();
    for (Submodule s : m.submodules()) {
      Map<String, Object> sf = new LinkedHashMap<>();
      sf.put("subslot", FieldText.hex16(s.subslot()));
      sf.put("submoduleIdentNumber", FieldText.hex32(s.submoduleIdentNumber()));
      subs.add(sf);
    }
    f.put("submodules", subs);
    return f;
  }
}
