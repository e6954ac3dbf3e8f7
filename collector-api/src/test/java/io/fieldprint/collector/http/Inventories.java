package io.fieldprint.collector.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Inventory documents for the API tests: the protocols module's golden outputs (fieldprint run on
 * real public captures) and small hand-made variants of them.
 */
final class Inventories {
  private Inventories() {}

  /**
   * A golden inventory from the protocols test jar, e.g. {@code
   * icsnpp-enip/enip_cip_example.pcap.json}.
   */
  static JsonObject golden(String name) throws IOException {
    try (InputStream in = Inventories.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "golden inventory " + name + " is not on the test classpath");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  static String report(String reportId, JsonObject inventory) {
    return new JsonObject()
        .put("reportId", reportId)
        .put("agent", new JsonObject().put("version", "0.1.0"))
        .put("inventory", inventory)
        .encode();
  }

  static String report(String reportId, String site, JsonObject inventory) {
    return new JsonObject()
        .put("reportId", reportId)
        .put("site", site)
        .put("inventory", inventory)
        .encode();
  }

  /** A one-asset inventory with the given firmware. */
  static JsonObject onePlc(String firmware) {
    JsonObject asset =
        new JsonObject()
            .put("id", "mac:00:1b:1b:aa:bb:cc")
            .put("ip", new JsonArray().add("192.168.0.10"))
            .put("mac", new JsonArray().add("00:1b:1b:aa:bb:cc"))
            .put("name", "plc-1")
            .put("vendor", "Siemens")
            .put("product", "S7-1500")
            .put("model", "6ES7 515-2AM01-0AB0")
            .put("firmware", firmware)
            .put("hardware", null)
            .put("serial", null)
            .put("role", "plc")
            .put("macVendor", "Siemens AG")
            .put("attribution", new JsonObject())
            .put("protocols", new JsonArray().add("s7comm"))
            .put("firstSeen", "2026-01-01T00:00:00Z")
            .put("lastSeen", "2026-01-01T01:00:00Z")
            .put("evidence", new JsonArray())
            .put("evidenceOmitted", 0);
    return new JsonObject()
        .put("schema", "fieldprint.inventory/1")
        .put("generator", new JsonObject().put("name", "fieldprint").put("version", "0.1.0"))
        .put("sources", new JsonArray())
        .put("assets", new JsonArray().add(asset))
        .put("findings", new JsonArray())
        .put("matches", new JsonArray())
        .put("warnings", new JsonArray())
        .put("warningsOmitted", 0);
  }
}
