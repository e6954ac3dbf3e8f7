package io.fieldprint.protocols.s7;

import io.fieldprint.protocols.decode.BigEndian;
import io.fieldprint.protocols.model.Identity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SZL 0x0011 / 0x0111, module identification: 28-byte records of index u16, MlfB (order number, 20
 * ASCII), BGTyp (module type id) u16, Ausbg u16, Ausbe u16. Index 0x0001 identifies the module,
 * 0x0006 the basic hardware, 0x0007 the basic firmware, 0x0081 the firmware extension (boot
 * loader). A version whose Ausbg high byte is a letter ('V' 0x56 for firmware) reads letter, Ausbg
 * low byte, Ausbe high byte, Ausbe low byte: 0x5603 0x0206 is {@code V3.2.6}; otherwise the version
 * is Ausbg as a number (a hardware version such as 3).
 *
 * @param records the records in wire order
 */
record SzlModuleIdentification(List<Record> records) {
  static final int RECORD_LENGTH = 28;
  static final int MODULE = 0x0001;
  static final int BASIC_HARDWARE = 0x0006;
  static final int BASIC_FIRMWARE = 0x0007;
  static final int FIRMWARE_EXTENSION = 0x0081;

  SzlModuleIdentification {
    records = List.copyOf(records);
  }

  /**
   * One record.
   *
   * @param index u16
   * @param orderNumber MlfB, trimmed
   * @param moduleTypeId BGTyp u16
   * @param ausbg u16 (version of the module, or 'V' + major for firmware)
   * @param ausbe u16 (release of the PG description file, or minor.patch for firmware)
   */
  record Record(int index, String orderNumber, int moduleTypeId, int ausbg, int ausbe) {
    String version() {
      int letter = ausbg >> 8;
      if (letter >= 'A' && letter <= 'Z') {
        return (char) letter + "" + (ausbg & 0xFF) + "." + (ausbe >> 8) + "." + (ausbe & 0xFF);
      }
      return Integer.toString(ausbg);
    }
  }

  static SzlModuleIdentification of(SzlList list) {
    List<Record> records = new ArrayList<>(list.records());
    for (int i = 0; i < list.records(); i++) {
      int at = list.recordAt(i);
      records.add(
          new Record(
              BigEndian.u16(list.buffer(), at),
              S7String.decode(list.buffer(), at + 2, 20),
              BigEndian.u16(list.buffer(), at + 22),
              BigEndian.u16(list.buffer(), at + 24),
              BigEndian.u16(list.buffer(), at + 26)));
    }
    return new SzlModuleIdentification(records);
  }

  Record record(int index) {
    for (Record r : records) {
      if (r.index() == index) {
        return r;
      }
    }
    return null;
  }

  /** The order number: the module record's, else the basic hardware record's. */
  String orderNumber() {
    for (int index : new int[] {MODULE, BASIC_HARDWARE}) {
      Record r = record(index);
      if (r != null && !r.orderNumber().isEmpty()) {
        return r.orderNumber();
      }
    }
    return null;
  }

  Identity identity() {
    String orderNumber = orderNumber();
    Record hardware = record(BASIC_HARDWARE);
    Record firmware = record(BASIC_FIRMWARE);
    return Identity.builder()
        .vendor(SiemensOrderNumber.siemensPrefix(orderNumber) != null ? "Siemens" : null)
        .model(orderNumber)
        .hardware(hardware == null ? null : hardware.version())
        .firmware(firmware == null ? null : firmware.version())
        .build();
  }

  Map<String, Object> fields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    String prefix = SiemensOrderNumber.siemensPrefix(orderNumber());
    if (prefix != null) {
      fields.put("vendorEvidence", "order number prefix " + prefix);
    }
    List<Map<String, Object>> list = new ArrayList<>();
    for (Record r : records) {
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("index", String.format("0x%04x", r.index()));
      record.put("indexName", indexName(r.index()));
      record.put("orderNumber", r.orderNumber());
      record.put("moduleTypeId", String.format("0x%04x", r.moduleTypeId()));
      record.put("ausbg", r.ausbg());
      record.put("ausbe", r.ausbe());
      record.put("version", r.version());
      list.add(record);
    }
    fields.put("records", list);
    return fields;
  }

  static String indexName(int index) {
    return switch (index) {
      case MODULE -> "module";
      case BASIC_HARDWARE -> "basic hardware";
      case BASIC_FIRMWARE -> "basic firmware";
      case FIRMWARE_EXTENSION -> "firmware extension";
      default -> "unknown";
    };
  }
}
