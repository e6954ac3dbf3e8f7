package io.fieldprint.collector.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fieldprint.collector.storage.CsafFixtures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A collector holding real data for the export tests: site {@code plant-a} with the 39 devices of
 * the golden PROFINET IO-CM inventory, a CPU 1516 on V2.9.4 matched by the real CISA advisory
 * ICSA-23-222-07 and a device whose reported name is a spreadsheet formula; site {@code plant-b}
 * with one device.
 */
final class ExportSites {
  static final String HOSTILE_NAME = "=HYPERLINK(\"http://evil.example/\",\"click, now\")\nline";

  final RunningCollector c;
  final String viewerA;
  final String viewerB;
  final String agentA;

  private ExportSites(RunningCollector c, String viewerA, String viewerB, String agentA) {
    this.c = c;
    this.viewerA = viewerA;
    this.viewerB = viewerB;
    this.agentA = agentA;
  }

  static ExportSites ingest(RunningCollector c) throws Exception {
    String agentA = c.siteWithAgent("plant-a");
    String agentB = c.siteWithAgent("plant-b");
    String advisory = new String(CsafFixtures.cisa(CsafFixtures.S7_1500), StandardCharsets.UTF_8);
    assertEquals(200, c.post("/api/v1/advisories", c.adminToken, advisory).statusCode());
    JsonObject inventory = Inventories.golden("icsnpp-profinet-io-cm/profinet_io_cm.pcap.json");
    JsonArray assets = inventory.getJsonArray("assets");
    JsonObject cpu = Inventories.onePlc("V2.9.4").getJsonArray("assets").getJsonObject(0);
    cpu.put("vendor", "Siemens AG")
        .put("product", "CPU 1516-3 PN/DP")
        .put("model", "6ES7 516-3AN01-0AB0")
        .put("hardware", "3")
        .put("serial", "S C-X4U421302016");
    assets.add(cpu);
    JsonObject hostile = Inventories.onePlc("-1+2").getJsonArray("assets").getJsonObject(0);
    hostile
        .put("id", "mac:00:1b:1b:aa:bb:dd")
        .put("mac", new JsonArray().add("00:1b:1b:aa:bb:dd"))
        .put("ip", new JsonArray().add("192.168.0.11"))
        .put("name", HOSTILE_NAME)
        .put("vendor", "@Acme, \"Inc\"")
        .put("product", "Box")
        .put("model", null);
    assets.add(hostile);
    post(c, agentA, "r-a", inventory);
    post(c, agentB, "r-b", Inventories.onePlc("V2.9.4"));
    ExportSites sites =
        new ExportSites(c, user(c, "vera", "plant-a"), user(c, "bert", "plant-b"), agentA);
    sites.awaitMatches(1);
    return sites;
  }

  /** Waits for the background correlation job to store {@code n} matches for plant-a. */
  void awaitMatches(int n) throws Exception {
    Await.until(
        () ->
            new JsonObject(c.get("/api/v1/sites/plant-a/matches", c.adminToken).body())
                    .getJsonArray("items")
                    .size()
                >= n,
        Duration.ofSeconds(60),
        n + " match(es) from the correlation job");
  }

  /** The uid and match of the matched CPU. */
  JsonObject match() throws Exception {
    return new JsonObject(c.get("/api/v1/sites/plant-a/matches", c.adminToken).body())
        .getJsonArray("items")
        .getJsonObject(0);
  }

  private static void post(RunningCollector c, String agent, String id, JsonObject inventory)
      throws Exception {
    HttpResponse<String> r = c.post("/api/v1/reports", agent, Inventories.report(id, inventory));
    assertEquals(201, r.statusCode(), r.body());
  }

  private static String user(RunningCollector c, String name, String site) throws Exception {
    HttpResponse<String> r =
        c.post(
            "/api/v1/users",
            c.adminToken,
            new JsonObject()
                .put("name", name)
                .put("role", "viewer")
                .put("sites", new JsonArray().add(site))
                .encode());
    assertEquals(201, r.statusCode(), r.body());
    return new JsonObject(r.body()).getString("token");
  }
}
