package io.fieldprint.collector.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.collector.storage.CsafFixtures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Advisories, matches, triage and alerts through the HTTP API of a real collector whose background
 * job correlates what agents report.
 */
class CorrelationApiTest {
  private static final String TRIAGE =
      "/api/v1/sites/plant-a/assets/%s/matches/ICSA-23-222-07/triage";

  @TempDir Path dir;
  private RunningCollector c;

  @BeforeEach
  void start() throws Exception {
    c =
        new RunningCollector(
            dir, "correlation:\n  intervalMillis: 100\nadvisories:\n  maxBatchDocuments: 3\n");
  }

  @AfterEach
  void stop() {
    c.close();
  }

  @Test
  void reportedVulnerableDeviceGetsAMatchTriageAndAnAlertVisibleOnlyInItsSite() throws Exception {
    String agentA = c.siteWithAgent("plant-a");
    c.siteWithAgent("plant-b");
    String viewerA = user("vera", "viewer", "plant-a");
    String viewerB = user("bert", "viewer", "plant-b");
    String advisory = new String(CsafFixtures.cisa(CsafFixtures.S7_1500), StandardCharsets.UTF_8);

    assertEquals(403, c.post("/api/v1/advisories", viewerA, advisory).statusCode());
    HttpResponse<String> imported = c.post("/api/v1/advisories", c.adminToken, advisory);
    assertEquals(200, imported.statusCode(), imported.body());
    assertEquals("new", items(imported).getJsonObject(0).getString("result"));
    HttpResponse<String> report =
        c.post("/api/v1/reports", agentA, Inventories.report("r-1", cpu1516("V2.9.4")));
    assertEquals(201, report.statusCode(), report.body());

    JsonObject match = awaitOneMatch(viewerA);
    assertEquals("high", match.getString("confidence"));
    String uid = match.getString("asset");
    JsonArray onAsset =
        new JsonObject(c.get("/api/v1/assets/" + uid, viewerA).body()).getJsonArray("matches");
    assertEquals("ICSA-23-222-07", onAsset.getJsonObject(0).getString("advisoryId"));

    String notAffected = "{\"state\":\"not_affected\",\"note\":\"cell firewall\"}";
    assertEquals(400, c.put(TRIAGE.formatted(uid), c.adminToken, notAffected).statusCode());
    String justified =
        "{\"state\":\"not_affected\",\"justification\":\"inline_mitigations_already_exist\"}";
    assertEquals(403, c.put(TRIAGE.formatted(uid), viewerA, justified).statusCode());
    HttpResponse<String> triaged = c.put(TRIAGE.formatted(uid), c.adminToken, justified);
    assertEquals(200, triaged.statusCode(), triaged.body());
    JsonObject shown = items(c.get("/api/v1/sites/plant-a/matches", viewerA)).getJsonObject(0);
    assertEquals("not_affected", shown.getJsonObject("triage").getString("state"));

    JsonArray alerts = items(c.get("/api/v1/alerts?site=plant-a", viewerA));
    assertEquals(1, alerts.size());
    long alertId = alerts.getJsonObject(0).getLong("id");

    assertEquals(403, c.get("/api/v1/sites/plant-a/matches", viewerB).statusCode());
    assertEquals(403, c.get("/api/v1/alerts?site=plant-a", viewerB).statusCode());
    assertEquals(0, items(c.get("/api/v1/alerts?site=plant-b", viewerB)).size());
    assertEquals(0, items(c.get("/api/v1/sites/plant-b/matches", viewerB)).size());
    assertEquals(404, c.post("/api/v1/alerts/" + alertId + "/ack", viewerB, "{}").statusCode());
    assertEquals(404, c.get("/api/v1/assets/" + uid, viewerB).statusCode());

    HttpResponse<String> ack = c.post("/api/v1/alerts/" + alertId + "/ack", viewerA, "{}");
    assertEquals(200, ack.statusCode(), ack.body());
    assertEquals("user:vera", new JsonObject(ack.body()).getString("ackedBy"));
    assertEquals(403, c.get("/api/v1/alerts/dead-letters", viewerA).statusCode());
    assertEquals(200, c.get("/api/v1/alerts/dead-letters", c.adminToken).statusCode());
    String audit = c.get("/api/v1/audit", c.adminToken).body();
    assertTrue(audit.contains("triage.set") && audit.contains("alert.ack"), audit);
  }

  @Test
  void aBatchImportReportsEachDocumentAndKeepsRejectionsWithReasons() throws Exception {
    byte[] doc = CsafFixtures.cisa(CsafFixtures.S7_1500);
    String batch =
        "["
            + new String(doc, StandardCharsets.UTF_8)
            + ",{\"document\":{\"csaf_version\":\"1.0\"}},"
            + new String(
                CsafFixtures.revised(doc, "2", "2024-01-01T00:00:00Z"), StandardCharsets.UTF_8)
            + "]";
    JsonArray results = items(c.post("/api/v1/advisories", c.adminToken, batch));
    assertEquals("new", results.getJsonObject(0).getString("result"));
    assertEquals("rejected", results.getJsonObject(1).getString("result"));
    assertEquals("revised", results.getJsonObject(2).getString("result"));
    JsonArray current = items(c.get("/api/v1/advisories", c.adminToken));
    assertEquals(1, current.size());
    assertEquals("2", current.getJsonObject(0).getString("version"));
    JsonArray rejections = items(c.get("/api/v1/advisories/rejections", c.adminToken));
    assertEquals(
        results.getJsonObject(1).getString("reason"),
        rejections.getJsonObject(0).getString("reason"));
    assertEquals(400, c.post("/api/v1/advisories", c.adminToken, "\"x\"").statusCode());
    HttpResponse<String> tooMany = c.post("/api/v1/advisories", c.adminToken, "[{},{},{},{}]");
    assertEquals(413, tooMany.statusCode(), tooMany.body());
  }

  @Test
  void anAdminPostedKevCatalogMarksMatchesNamingItsCvesAndABrokenOneLeavesIt() throws Exception {
    String agentA = c.siteWithAgent("plant-a");
    String viewerA = user("vera", "viewer", "plant-a");
    String advisory = new String(CsafFixtures.cisa(CsafFixtures.S7_1500), StandardCharsets.UTF_8);
    assertEquals(200, c.post("/api/v1/advisories", c.adminToken, advisory).statusCode());
    c.post("/api/v1/reports", agentA, Inventories.report("r-1", cpu1516("V2.9.4")));
    assertEquals(false, awaitOneMatch(viewerA).getBoolean("kev"));

    String catalog =
        "{\"catalogVersion\":\"2026.03.01\",\"vulnerabilities\":[{\"cveID\":\"CVE-2023-0286\","
            + "\"dateAdded\":\"2023-03-01\",\"dueDate\":\"2023-03-22\"}]}";
    assertEquals(403, c.post("/api/v1/kev", viewerA, catalog).statusCode());
    HttpResponse<String> posted = c.post("/api/v1/kev", c.adminToken, catalog);
    assertEquals(200, posted.statusCode(), posted.body());
    assertEquals(1, new JsonObject(posted.body()).getInteger("entries"));
    HttpResponse<String> broken =
        c.post("/api/v1/kev", c.adminToken, "{\"vulnerabilities\":[{\"cveID\":\"x\"}]}");
    assertEquals(400, broken.statusCode(), broken.body());

    JsonObject match = items(c.get("/api/v1/sites/plant-a/matches", viewerA)).getJsonObject(0);
    assertEquals(true, match.getBoolean("kev"));
    JsonArray onAsset =
        new JsonObject(c.get("/api/v1/assets/" + match.getString("asset"), viewerA).body())
            .getJsonArray("matches");
    assertEquals(true, onAsset.getJsonObject(0).getBoolean("kev"));
    assertTrue(c.get("/api/v1/audit", c.adminToken).body().contains("kev.replace"));
  }

  @Test
  void theKevFileOfTheConfigurationIsStoredAtStart() throws Exception {
    c.close();
    Path other = dir.resolve("second");
    Files.createDirectories(other);
    Files.writeString(
        other.resolve("kev.json"),
        "{\"catalogVersion\":\"1\",\"vulnerabilities\":[{\"cveID\":\"CVE-2023-0286\"}]}");
    c = new RunningCollector(other, "advisories:\n  kevFile: kev.json\n");
    String agentA = c.siteWithAgent("plant-a");
    String advisory = new String(CsafFixtures.cisa(CsafFixtures.S7_1500), StandardCharsets.UTF_8);
    assertEquals(200, c.post("/api/v1/advisories", c.adminToken, advisory).statusCode());
    c.post("/api/v1/reports", agentA, Inventories.report("r-1", cpu1516("V2.9.4")));
    assertEquals(true, awaitOneMatch(c.adminToken).getBoolean("kev"));
  }

  private JsonObject awaitOneMatch(String token) throws Exception {
    JsonArray matches =
        Await.value(
            () -> {
              JsonArray m = items(c.get("/api/v1/sites/plant-a/matches", token));
              return m.isEmpty() ? null : m;
            },
            Duration.ofSeconds(60),
            "a match from the correlation job");
    assertEquals(1, matches.size());
    return matches.getJsonObject(0);
  }

  private String user(String name, String role, String site) throws Exception {
    HttpResponse<String> r =
        c.post(
            "/api/v1/users",
            c.adminToken,
            new JsonObject()
                .put("name", name)
                .put("role", role)
                .put("sites", new JsonArray().add(site))
                .encode());
    return new JsonObject(r.body()).getString("token");
  }

  private static JsonArray items(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return new JsonObject(r.body()).getJsonArray("items");
  }

  private static JsonObject cpu1516(String firmware) {
    JsonObject inv = Inventories.onePlc(firmware);
    inv.getJsonArray("assets")
        .getJsonObject(0)
        .put("vendor", "Siemens AG")
        .put("product", "CPU 1516-3 PN/DP")
        .put("model", "6ES7 516-3AN01-0AB0");
    return inv;
  }
}
