package io.fieldprint.protocols.enip;

import io.fieldprint.protocols.model.Identity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns CIP Identity attributes into identity claims and evidence fields. Vendor and device type
 * names come from the knowledge files; the device type gives the role. Rockwell (vendor 1) puts its
 * catalog number and series first in the product name ({@code 1756-ENBT/A}), so for vendor 1 the
 * catalog number is the model and the series the hardware; other vendors' product names stay the
 * product only.
 */
final class CipIdentityClaims {
  static final int ROCKWELL = 1;
  private static final Pattern CATALOG =
      Pattern.compile("^(\\d{4}-[A-Z0-9]+)(?:/([A-Z]))?(?:\\s|$)");

  private final CipKnowledge knowledge;

  CipIdentityClaims(CipKnowledge knowledge) {
    this.knowledge = knowledge;
  }

  Identity identity(CipIdentity id) {
    CipKnowledge.DeviceType type = knowledge.deviceType(id.deviceType());
    Identity.Builder builder =
        Identity.builder()
            .vendor(knowledge.vendorName(id.vendorId()))
            .product(id.productName())
            .firmware(id.revision())
            .serial(id.serialHex())
            .role(type == null ? null : type.role());
    Matcher catalog = id.vendorId() == ROCKWELL ? CATALOG.matcher(id.productName()) : null;
    if (catalog != null && catalog.find()) {
      builder.model(catalog.group(1));
      if (catalog.group(2) != null) {
        builder.hardware("Series " + catalog.group(2));
      }
    }
    return builder.build();
  }

  Map<String, Object> fields(CipIdentity id) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("vendorId", id.vendorId());
    putIfKnown(fields, "vendorName", knowledge.vendorName(id.vendorId()));
    fields.put("deviceType", id.deviceType());
    CipKnowledge.DeviceType type = knowledge.deviceType(id.deviceType());
    putIfKnown(fields, "deviceTypeName", type == null ? null : type.name());
    fields.put("productCode", id.productCode());
    fields.put("revision", id.revision());
    fields.put("revisionMajor", id.revisionMajor());
    fields.put("revisionMinor", id.revisionMinor());
    fields.put("status", String.format("0x%04x", id.status()));
    fields.put("statusFlags", IdentityStatus.flags(id.status()));
    fields.put("serialNumber", id.serialHex());
    fields.put("productName", id.productName());
    if (id.state() != null) {
      fields.put("state", id.state());
      fields.put("stateName", IdentityStatus.stateName(id.state()));
    }
    return fields;
  }

  private static void putIfKnown(Map<String, Object> fields, String key, String value) {
    if (value != null) {
      fields.put(key, value);
    }
  }
}
