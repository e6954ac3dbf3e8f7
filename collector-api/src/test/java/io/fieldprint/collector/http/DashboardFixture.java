package io.fieldprint.collector.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fieldprint.collector.storage.CsafFixtures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A collector filled through its API for the dashboard tests: site plant-a with real golden
 * inventories (EtherNet/IP, OPC UA with posture findings) and an S7-1500 CPU whose firmware went
 * from V2.9.2 to V2.9.4 (both vulnerable to the real CISA advisory ICSA-23-222-07, imported), site
 * plant-b with one PLC; an all-sites admin, a viewer of each site.
 */
final class DashboardFixture implements AutoCloseable {
  static final String ADVISORY = "ICSA-23-222-07";

  /** A device name a hostile device could announce: must show as text, never run. */
  static final String HOSTILE = "<img src=x onerror=\"window.pwned=1\">plc";

  final RunningCollector c;
  final String viewerA;
  final String viewerB;
  final String cpuUid;
  final String siteBUid;
  final long alertId;

  DashboardFixture(Path dir) throws Exception {
    c = new RunningCollector(dir, "correlation:\n  intervalMillis: 100\n");
    String agentA = c.siteWithAgent("plant-a");
    String agentB = c.siteWithAgent("plant-b");
    viewerA = user("vera", "viewer", "plant-a");
    viewerB = user("bert", "viewer", "plant-b");
    String advisory = new String(CsafFixtures.cisa(CsafFixtures.S7_1500), StandardCharsets.UTF_8);
    ok(c.post("/api/v1/advisories", c.adminToken, advisory));
    ok(c.post("/api/v1/reports", agentA, Inventories.report("r-1", cpu1516("V2.9.2"))));
    ok(c.post("/api/v1/reports", agentA, Inventories.report("r-2", cpu1516("V2.9.4"))));
    ok(
        c.post(
            "/api/v1/reports",
            agentA,
            Inventories.report(
                "r-3", Inventories.golden("icsnpp-enip/enip_cip_example.pcap.json"))));
    ok(
        c.post(
            "/api/v1/reports",
            agentA,
            Inventories.report(
                "r-4",
                withHostileName("icsnpp-opcua-binary/opcua_with-gap_with-handshake.pcap.json"))));
    ok(c.post("/api/v1/reports", agentB, Inventories.report("r-b1", Inventories.onePlc("V2.0"))));
    JsonObject match = awaitMatch();
    cpuUid = match.getString("asset");
    siteBUid =
        new JsonObject(c.get("/api/v1/sites/plant-b/assets", c.adminToken).body())
            .getJsonArray("items")
            .getJsonObject(0)
            .getString("uid");
    alertId =
        items(c.get("/api/v1/alerts?site=plant-a", c.adminToken)).getJsonObject(0).getLong("id");
  }

  String url(String hash) {
    return "http://127.0.0.1:" + c.collector.port() + "/ui/" + hash;
  }

  private JsonObject awaitMatch() throws Exception {
    return Await.value(
        () -> {
          JsonArray matches = items(c.get("/api/v1/sites/plant-a/matches", c.adminToken));
          JsonArray alerts = items(c.get("/api/v1/alerts?site=plant-a", c.adminToken));
          // plant-b's PLC is correlated in a later batch than plant-a's devices: wait for both
          JsonArray matchesB = items(c.get("/api/v1/sites/plant-b/matches", c.adminToken));
          boolean done = !matches.isEmpty() && !alerts.isEmpty() && !matchesB.isEmpty();
          return done ? matches.getJsonObject(0) : null;
        },
        Duration.ofSeconds(60),
        "a match and an alert in plant-a and a match in plant-b");
  }

  String user(String name, String role, String site) throws Exception {
    HttpResponse<String> r =
        c.post(
            "/api/v1/users",
            c.adminToken,
            new JsonObject()
                .put("name", name)
                .put("role", role)
                .put("sites", new JsonArray().add(site))
                .encode());
    assertEquals(201, r.statusCode(), r.body());
    return new JsonObject(r.body()).getString("token");
  }

  static JsonArray items(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return new JsonObject(r.body()).getJsonArray("items");
  }

  private static void ok(HttpResponse<String> r) {
    if (r.statusCode() / 100 != 2) {
      throw new AssertionError(r.statusCode() + " " + r.body());
    }
  }

  private static JsonObject withHostileName(String golden) throws java.io.IOException {
    JsonObject inv = Inventories.golden(golden);
    inv.getJsonArray("assets").getJsonObject(0).put("name", HOSTILE);
    return inv;
  }

  /** The CPU 1516 with a firmware and one evidence entry naming model and firmware. */
  static JsonObject cpu1516(String firmware) {
    JsonObject inv = Inventories.onePlc(firmware);
    inv.getJsonArray("assets")
        .getJsonObject(0)
        .put("vendor", "Siemens AG")
        .put("product", "CPU 1516-3 PN/DP")
        .put("model", "6ES7 516-3AN01-0AB0")
        .put("serial", "S C-X4U421302016")
        .put(
            "evidence",
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("at", "2026-01-01T00:30:00Z")
                        .put("source", "s7comm.szl")
                        .put("origin", "plant-a.pcap#frame=12")
                        .put(
                            "fields",
                            new JsonObject()
                                .put("model", "6ES7 516-3AN01-0AB0")
                                .put("firmware", firmware))));
    return inv;
  }

  @Override
  public void close() {
    c.close();
  }
}
