package io.fieldprint.protocols.s7;

import io.fieldprint.protocols.decode.BigEndian;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Role;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * SZL 0x001C / 0x011C, component identification: 34-byte records of index u16 and 32 bytes. Index
 * 0x0001 name of the automation system (24 chars), 0x0002 module name (24), 0x0003 plant
 * designation (32), 0x0004 copyright (26), 0x0005 serial number (24), 0x0007 module type name (32),
 * 0x0008 memory card serial number (32), 0x0009 manufacturer id u16 (0x002A Siemens), profile id
 * u16, profile-specific type u16, 0x000A OEM copyright (26 chars), OEM id u16, OEM additional id
 * u32, 0x000B location designation (32). Other indexes are kept as hex.
 *
 * <p>Identity: the automation system name is the configured name; the module type name (else the
 * module name) the product; the serial number the serial. Siemens is the vendor when the
 * manufacturer id is 0x002A or the copyright says "Original Siemens Equipment". A module whose type
 * or name says CPU is a PLC.
 */
final class SzlComponentIdentification {
  static final int RECORD_LENGTH = 34;
  static final int SIEMENS = 0x002A;
  static final String SIEMENS_COPYRIGHT = "Original Siemens Equipment";

  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, String> other = new TreeMap<>();
  private Integer manufacturerId;

  static SzlComponentIdentification of(SzlList list) {
    SzlComponentIdentification component = new SzlComponentIdentification();
    for (int i = 0; i < list.records(); i++) {
      component.read(list.buffer(), list.recordAt(i));
    }
    return component;
  }

  private void read(ByteBuffer b, int at) {
    int index = BigEndian.u16(b, at);
    int v = at + 2;
    switch (index) {
      case 0x0001 -> values.put("asName", S7String.decode(b, v, 24));
      case 0x0002 -> values.put("moduleName", S7String.decode(b, v, 24));
      case 0x0003 -> values.put("plantDesignation", S7String.decode(b, v, 32));
      case 0x0004 -> values.put("copyright", S7String.decode(b, v, 26));
      case 0x0005 -> values.put("serialNumber", S7String.decode(b, v, 24));
      case 0x0007 -> values.put("moduleTypeName", S7String.decode(b, v, 32));
      case 0x0008 -> values.put("memoryCardSerial", S7String.decode(b, v, 32));
      case 0x0009 -> {
        manufacturerId = BigEndian.u16(b, v);
        values.put("manufacturerId", String.format("0x%04x", manufacturerId));
        values.put("profileId", String.format("0x%04x", BigEndian.u16(b, v + 2)));
        values.put("profileSpecificType", String.format("0x%04x", BigEndian.u16(b, v + 4)));
      }
      case 0x000A -> {
        values.put("oemCopyright", S7String.decode(b, v, 26));
        values.put("oemId", String.format("0x%04x", BigEndian.u16(b, v + 26)));
        long additional = (long) BigEndian.u16(b, v + 28) << 16 | BigEndian.u16(b, v + 30);
        values.put("oemAdditionalId", String.format("0x%08x", additional));
      }
      case 0x000B -> values.put("locationDesignation", S7String.decode(b, v, 32));
      default -> {
        byte[] raw = new byte[32];
        b.get(v, raw);
        other.put(String.format("0x%04x", index), HexFormat.of().formatHex(raw));
      }
    }
  }

  private String text(String key) {
    Object value = values.get(key);
    return value instanceof String s && !s.isEmpty() ? s : null;
  }

  /** Why the vendor is Siemens, or {@code null}. */
  String siemensEvidence() {
    if (manufacturerId != null && manufacturerId == SIEMENS) {
      return "manufacturer id 0x002a";
    }
    if (SIEMENS_COPYRIGHT.equals(text("copyright"))) {
      return "copyright " + SIEMENS_COPYRIGHT;
    }
    return null;
  }

  Identity identity() {
    String typeName = text("moduleTypeName");
    String moduleName = text("moduleName");
    boolean cpu =
        typeName != null && typeName.contains("CPU")
            || moduleName != null && moduleName.contains("CPU");
    return Identity.builder()
        .vendor(siemensEvidence() != null ? "Siemens" : null)
        .product(typeName != null ? typeName : moduleName)
        .serial(text("serialNumber"))
        .name(text("asName"))
        .role(cpu ? Role.PLC : null)
        .build();
  }

  Map<String, Object> fields() {
    Map<String, Object> fields = new LinkedHashMap<>(values);
    String evidence = siemensEvidence();
    if (evidence != null) {
      fields.put("vendorEvidence", evidence);
    }
    if (!other.isEmpty()) {
      fields.put("otherRecords", new TreeMap<>(other));
    }
    return fields;
  }
}
