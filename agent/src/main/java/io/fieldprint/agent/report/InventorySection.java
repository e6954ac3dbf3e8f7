package io.fieldprint.agent.report;

import io.fieldprint.protocols.inventory.Asset;
import io.fieldprint.protocols.inventory.Attribution;
import io.fieldprint.protocols.model.Evidence;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The device inventory: one overview row per device, then per device the evidence behind each
 * identity field (the message it came from, where to find it, how far it is trusted, the raw
 * decoded values).
 */
final class InventorySection {
  private static final List<String> FIELDS =
      List.of("name", "vendor", "product", "model", "firmware", "hardware", "serial", "role");

  private InventorySection() {}

  static void write(Xhtml x, List<Asset> assets, ReportLimits limits) {
    int max = limits.valueChars();
    x.open("section", "id", "inventory").element("h2", "Device inventory");
    x.element(
        "p",
        assets.size()
            + " devices. A dash means the evidence did not tell; nothing is guessed. The MAC"
            + " vendor is the registered owner of the network interface's address block, a hint"
            + " only.");
    x.open("table", "class", "devices")
        .head(
            List.of(
                "Device", "Addresses", "Role", "Vendor", "Product / model", "Firmware", "Serial"),
            18,
            20,
            8,
            14,
            16,
            10,
            14)
        .open("tbody");
    for (Asset a : assets) {
      x.open("tr");
      x.open("td").element("div", ShownValue.of(a.id(), max), "class", "mono");
      x.element("div", ShownValue.of(a.name(), max)).close();
      x.element("td", addresses(a, max), "class", "mono");
      x.element("td", a.role() == null ? ShownValue.UNKNOWN : a.role().jsonName());
      x.open("td").element("div", ShownValue.of(a.vendor(), max));
      if (a.vendor() == null && a.macVendor() != null) {
        x.element("div", "MAC: " + ShownValue.of(a.macVendor(), max), "class", "small");
      }
      x.close();
      x.open("td").element("div", ShownValue.of(a.product(), max));
      x.element("div", ShownValue.of(a.model(), max), "class", "mono").close();
      x.open("td").element("div", ShownValue.of(a.firmware(), max));
      x.element("div", "hw " + ShownValue.of(a.hardware(), max), "class", "small").close();
      x.element("td", ShownValue.of(a.serial(), max), "class", "mono");
      x.close();
    }
    x.close().close();
    x.element("h3", "Evidence behind each identity field");
    long roleOnly = 0;
    for (Asset a : assets) {
      if (a.attribution().keySet().stream().anyMatch(f -> !f.equals("role"))) {
        evidence(x, a, max);
      } else {
        roleOnly++;
      }
    }
    if (roleOnly > 0) {
      x.element(
          "p",
          roleOnly
              + " devices are known only by their addresses and role (the protocol they were seen"
              + " speaking); their evidence is in the inventory file.",
          "class",
          "small");
    }
    x.close();
  }

  private static String addresses(Asset a, int max) {
    String ips = String.join(" ", a.ip());
    String macs = String.join(" ", a.mac());
    return ShownValue.of((ips + " " + macs).strip(), max);
  }

  private static void evidence(Xhtml x, Asset a, int max) {
    x.open("div", "class", "asset");
    x.element(
        "h4",
        ShownValue.of(a.id(), max)
            + " \u2014 seen "
            + ShownValue.time(a.firstSeen())
            + " to "
            + ShownValue.time(a.lastSeen())
            + "; protocols "
            + ShownValue.of(String.join(", ", a.protocols()), max));
    x.open("table", "class", "evidence")
        .head(
            List.of("Field", "Value", "Evidence", "Authority", "Decoded values"), 9, 19, 30, 10, 32)
        .open("tbody");
    for (String field : FIELDS) {
      Attribution at = a.attribution().get(field);
      if (at == null) {
        continue;
      }
      x.open("tr").element("td", field).element("td", ShownValue.of(value(a, field), max));
      x.open("td")
          .element("div", ShownValue.of(at.source(), max), "class", "mono")
          .element("div", ShownValue.of(at.origin(), max), "class", "small mono")
          .close();
      x.element("td", at.authority() == null ? ShownValue.UNKNOWN : authority(at));
      x.element("td", decoded(a, at, max), "class", "small mono");
      x.close();
    }
    x.close().close();
    if (a.evidenceOmitted() > 0 || a.evidence().size() > a.attribution().size()) {
      x.element(
          "p",
          (a.evidence().size() + a.evidenceOmitted())
              + " pieces of evidence about this device in the inventory; those behind the"
              + " fields are shown.",
          "class",
          "small");
    }
    x.close();
  }

  private static String authority(Attribution at) {
    return at.authority().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  private static String value(Asset a, String field) {
    Map<String, Function<Asset, String>> get =
        Map.of(
            "name", Asset::name,
            "vendor", Asset::vendor,
            "product", Asset::product,
            "model", Asset::model,
            "firmware", Asset::firmware,
            "hardware", Asset::hardware,
            "serial", Asset::serial,
            "role", x -> x.role() == null ? null : x.role().jsonName());
    return get.get(field).apply(a);
  }

  private static String decoded(Asset a, Attribution at, int max) {
    for (Evidence e : a.evidence()) {
      if (Objects.equals(e.source(), at.source()) && Objects.equals(e.origin(), at.origin())) {
        return ShownValue.json(e.fields(), max);
      }
    }
    return "not among the evidence kept in the inventory";
  }
}
