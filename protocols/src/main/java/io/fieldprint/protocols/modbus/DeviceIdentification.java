package io.fieldprint.protocols.modbus;

import io.fieldprint.protocols.model.Identity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identification objects of one Read Device Identification exchange with one unit, gathered
 * over its pages (a server answers with more-follows 0xFF when the objects do not fit one response;
 * the client then asks again from the next object id). The observation is emitted once, when the
 * last page arrives or the connection ends; its evidence points at the first page.
 */
public final class DeviceIdentification {
  /** A stream never needs more pages than objects; a longer one is a loop. */
  static final int MAX_PAGES = 32;

  private final int unitId;
  private final String firstOrigin;
  private final Instant firstSeen;
  private final TreeMap<Integer, String> objects = new TreeMap<>();
  private int pages;
  private ReadDeviceIdentificationResponse last;
  private Integer requestedObjectId;

  public DeviceIdentification(int unitId, String firstOrigin, Instant firstSeen) {
    this.unitId = unitId;
    this.firstOrigin = firstOrigin;
    this.firstSeen = firstSeen;
  }

  /** Adds one page; a later value for the same object id replaces the earlier one. */
  public void add(ReadDeviceIdentificationResponse page, Integer requestedObjectId) {
    if (pages == 0) {
      this.requestedObjectId = requestedObjectId;
    }
    pages++;
    last = page;
    for (ReadDeviceIdentificationResponse.DeviceIdentificationObject o : page.objects()) {
      objects.put(o.id(), o.value());
    }
  }

  public int pages() {
    return pages;
  }

  String firstOrigin() {
    return firstOrigin;
  }

  Instant firstSeen() {
    return firstSeen;
  }

  /**
   * What the objects claim. ProductName is the product; ModelName stands in for it when the device
   * has no ProductName (and stays in the fields otherwise): ProductCode, usually the order number,
   * is the model.
   */
  public Identity identity() {
    String productName = objects.get(0x04);
    String modelName = objects.get(0x05);
    return Identity.builder()
        .vendor(objects.get(0x00))
        .model(objects.get(0x01))
        .firmware(objects.get(0x02))
        .product(productName != null && !productName.isBlank() ? productName : modelName)
        .name(objects.get(0x06))
        .build();
  }

  /** Raw decoded values for the evidence. */
  public Map<String, Object> fields(boolean complete) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("unitId", unitId);
    fields.put("readDeviceIdCode", last.readDeviceIdCode());
    fields.put(
        "readDeviceIdCodeName",
        DeviceIdentificationNames.readDeviceIdCode(last.readDeviceIdCode()));
    fields.put("conformityLevel", last.conformityLevel());
    fields.put(
        "conformityLevelName", DeviceIdentificationNames.conformityLevel(last.conformityLevel()));
    fields.put("individualAccess", (last.conformityLevel() & 0x80) != 0);
    fields.put("moreFollows", last.moreFollows());
    fields.put("nextObjectId", last.nextObjectId());
    fields.put("pages", pages);
    fields.put("complete", complete);
    if (requestedObjectId != null) {
      fields.put("requestedObjectId", requestedObjectId);
    }
    Map<String, Object> named = new LinkedHashMap<>();
    objects.forEach((id, value) -> named.put(DeviceIdentificationNames.objectKey(id), value));
    fields.put("objects", named);
    return fields;
  }
}
