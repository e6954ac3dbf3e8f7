package io.fieldprint.collector.http;

import static io.fieldprint.collector.http.Inventories.golden;
import static io.fieldprint.collector.http.Inventories.onePlc;
import static io.fieldprint.collector.http.Inventories.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API of a real collector (SQLite) over real HTTP. */
class CollectorApiTest {
  @TempDir Path dir;
  private RunningCollector c;

  @BeforeEach
  void start() throws Exception {
    c = new RunningCollector(dir, "limits:\n  maxBodyBytes: 200000\n  maxStringLength: 4096\n");
  }

  @AfterEach
  void stop() {
    c.close();
  }

  @Test
  void firstStartWritesAnOwnerOnlyAdminTokenAndNothingWorksWithoutOne() throws Exception {
    Path file = c.dataDir.resolve("admin-token");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(401, c.get("/api/v1/sites", null).statusCode());
    HttpResponse<String> wrong = c.get("/api/v1/sites", "fpu_not-a-token");
    assertEquals(401, wrong.statusCode());
    assertEquals("unauthorized", new JsonObject(wrong.body()).getString("error"));
    assertEquals(200, c.get("/api/v1/sites", c.adminToken).statusCode());
    assertEquals(200, c.get("/health", null).statusCode());
  }

  @Test
  void realInventoryIsMergedIntoTheAgentsSiteAndARetryIsNotAppliedTwice() throws Exception {
    String agent = c.siteWithAgent("plant-a");
    JsonObject inventory = golden("icsnpp-enip/enip_cip_example.pcap.json");
    int devices = inventory.getJsonArray("assets").size();
    HttpResponse<String> first = c.post("/api/v1/reports", agent, report("r-1", inventory));
    assertEquals(201, first.statusCode(), first.body());
    assertEquals(devices, new JsonObject(first.body()).getInteger("newDevices"));
    HttpResponse<String> retry = c.post("/api/v1/reports", agent, report("r-1", inventory));
    assertEquals(200, retry.statusCode());
    assertFalse(new JsonObject(retry.body()).getBoolean("applied"));
    JsonObject page = new JsonObject(c.get("/api/v1/sites/plant-a/assets", c.adminToken).body());
    assertEquals(devices, page.getLong("total"));
    JsonObject firstAsset = page.getJsonArray("items").getJsonObject(0);
    JsonObject detail =
        new JsonObject(c.get("/api/v1/assets/" + firstAsset.getString("uid"), c.adminToken).body());
    assertEquals(1, detail.getJsonArray("events").size(), "one new-device event despite the retry");
    assertEquals("new_device", detail.getJsonArray("events").getJsonObject(0).getString("kind"));
  }

  @Test
  void firmwareChangeBecomesAnEventAndFiltersSelectAssets() throws Exception {
    String agent = c.siteWithAgent("plant-a");
    assertEquals(
        201, c.post("/api/v1/reports", agent, report("r-1", onePlc("V2.9.4"))).statusCode());
    HttpResponse<String> second = c.post("/api/v1/reports", agent, report("r-2", onePlc("V3.0.1")));
    assertEquals(1, new JsonObject(second.body()).getInteger("firmwareChanges"));
    JsonObject page =
        new JsonObject(
            c.get("/api/v1/sites/plant-a/assets?vendor=siemens&role=plc&limit=10", c.adminToken)
                .body());
    JsonObject asset = page.getJsonArray("items").getJsonObject(0);
    assertEquals("V3.0.1", asset.getString("firmware"));
    JsonArray events =
        new JsonObject(c.get("/api/v1/assets/" + asset.getString("uid"), c.adminToken).body())
            .getJsonArray("events");
    JsonObject change = events.getJsonObject(0);
    assertEquals("firmware_changed", change.getString("kind"));
    assertEquals("V2.9.4", change.getString("old"));
    assertEquals(
        0,
        new JsonObject(c.get("/api/v1/sites/plant-a/assets?role=switch", c.adminToken).body())
            .getLong("total"));
  }

  @Test
  void anAgentOfSiteACannotWriteSiteBNorRead() throws Exception {
    String agentA = c.siteWithAgent("plant-a");
    c.siteWithAgent("plant-b");
    HttpResponse<String> cross =
        c.post("/api/v1/reports", agentA, report("r-1", "plant-b", onePlc("V1")));
    assertEquals(403, cross.statusCode());
    assertEquals(
        0,
        new JsonObject(c.get("/api/v1/sites/plant-b/assets", c.adminToken).body())
            .getLong("total"));
    assertEquals(
        201,
        c.post("/api/v1/reports", agentA, report("r-2", "plant-a", onePlc("V1"))).statusCode());
    assertEquals(403, c.get("/api/v1/sites/plant-a/assets", agentA).statusCode());
    assertEquals(
        403, c.post("/api/v1/sites", agentA, "{\"id\":\"x\",\"name\":\"x\"}").statusCode());
  }

  @Test
  void aViewerOfSiteASeesOnlySiteA() throws Exception {
    String agentA = c.siteWithAgent("plant-a");
    String agentB = c.siteWithAgent("plant-b");
    c.post("/api/v1/reports", agentA, report("r-1", onePlc("V1")));
    c.post("/api/v1/reports", agentB, report("r-1", onePlc("V2")));
    HttpResponse<String> created =
        c.post(
            "/api/v1/users",
            c.adminToken,
            "{\"name\":\"vera\",\"role\":\"viewer\",\"sites\":[\"plant-a\"]}");
    assertEquals(201, created.statusCode(), created.body());
    String viewer = new JsonObject(created.body()).getString("token");

    JsonArray sites = new JsonObject(c.get("/api/v1/sites", viewer).body()).getJsonArray("items");
    assertEquals(1, sites.size());
    assertEquals("plant-a", sites.getJsonObject(0).getString("id"));
    assertEquals(200, c.get("/api/v1/sites/plant-a/assets", viewer).statusCode());
    JsonObject agentA1 =
        new JsonObject(c.get("/api/v1/sites/plant-a/agents", viewer).body())
            .getJsonArray("items")
            .getJsonObject(0);
    assertEquals("0.1.0", agentA1.getString("version"));
    assertEquals(403, c.get("/api/v1/sites/plant-b/agents", viewer).statusCode());
    assertEquals(403, c.get("/api/v1/sites/plant-b/assets", viewer).statusCode());
    assertEquals(403, c.get("/api/v1/sites/plant-b", viewer).statusCode());
    assertEquals(
        403, c.get("/api/v1/sites/no-such-site", viewer).statusCode(), "existence is not revealed");
    String uidB =
        new JsonObject(c.get("/api/v1/sites/plant-b/assets", c.adminToken).body())
            .getJsonArray("items")
            .getJsonObject(0)
            .getString("uid");
    assertEquals(404, c.get("/api/v1/assets/" + uidB, viewer).statusCode());
    assertEquals(
        403, c.post("/api/v1/sites", viewer, "{\"id\":\"x\",\"name\":\"x\"}").statusCode());
    assertEquals(403, c.post("/api/v1/reports", viewer, report("r-9", onePlc("V1"))).statusCode());
  }

  @Test
  void badReportsGetClearJsonErrorsWithoutStackTraces() throws Exception {
    String agent = c.siteWithAgent("plant-a");
    JsonObject broken = onePlc("V1");
    broken.getJsonArray("assets").getJsonObject(0).put("role", "toaster");
    HttpResponse<String> schema = c.post("/api/v1/reports", agent, report("r-1", broken));
    assertEquals(400, schema.statusCode());
    JsonObject error = new JsonObject(schema.body());
    assertEquals("bad_request", error.getString("error"));
    assertFalse(error.getJsonArray("details").isEmpty(), "schema violations are listed");
    assertEquals(400, c.post("/api/v1/reports", agent, "{not json").statusCode());
    HttpResponse<String> form =
        c.postAs(
            "/api/v1/reports",
            agent,
            "application/x-www-form-urlencoded",
            "a=" + "b".repeat(20000));
    assertEquals(415, form.statusCode(), form.body());
    assertEquals("unsupported_media_type", new JsonObject(form.body()).getString("error"));
    assertEquals(
        400,
        c.post("/api/v1/reports", agent, "{\"reportId\":\"../x\",\"inventory\":{}}").statusCode());
    JsonObject longName = onePlc("V1");
    longName.getJsonArray("assets").getJsonObject(0).put("name", "x".repeat(5000));
    HttpResponse<String> tooLong = c.post("/api/v1/reports", agent, report("r-2", longName));
    assertEquals(400, tooLong.statusCode());
    JsonObject huge = onePlc("V1");
    huge.getJsonArray("assets").getJsonObject(0).put("name", "x".repeat(4000));
    JsonArray many = new JsonArray();
    for (int i = 0; i < 60; i++) {
      many.add(huge.getJsonArray("assets").getJsonObject(0).copy());
    }
    huge.put("assets", many);
    HttpResponse<String> tooBig = c.post("/api/v1/reports", agent, report("r-3", huge));
    assertEquals(413, tooBig.statusCode());
    assertEquals("payload_too_large", new JsonObject(tooBig.body()).getString("error"));
    for (HttpResponse<String> r : java.util.List.of(schema, tooLong, tooBig)) {
      assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
    }
    assertEquals(
        0,
        new JsonObject(c.get("/api/v1/sites/plant-a/assets", c.adminToken).body())
            .getLong("total"));
  }

  private static byte[] gzip(byte[] data) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out)) {
      gzip.write(data);
    }
    return out.toByteArray();
  }

  @Test
  void aGzipReportIsAppliedAndTheBodyLimitCountsItsInflatedBytes() throws Exception {
    String agent = c.siteWithAgent("plant-a");
    byte[] json = report("r-1", onePlc("V1")).getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> gz = c.postEncoded("/api/v1/reports", agent, "gzip", gzip(json));
    assertEquals(201, gz.statusCode(), gz.body());
    assertEquals(
        1,
        new JsonObject(c.get("/api/v1/sites/plant-a/assets", c.adminToken).body())
            .getLong("total"));
    assertEquals(
        200,
        c.postEncoded("/api/v1/reports", agent, "gzip", gzip(json)).statusCode(),
        "a compressed retry is the same report");

    // 50 MB of spaces inside a JSON string, about 50 KB compressed: over the 200,000-byte limit
    byte[] bomb = new byte[50_000_000];
    java.util.Arrays.fill(bomb, (byte) ' ');
    byte[] head = "{\"reportId\":\"r-2\",\"pad\":\"".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(head, 0, bomb, 0, head.length);
    bomb[bomb.length - 2] = '"';
    bomb[bomb.length - 1] = '}';
    byte[] compressedBomb = gzip(bomb);
    assertTrue(compressedBomb.length < 200_000, compressedBomb.length + " bytes compressed");
    HttpResponse<String> tooBig = c.postEncoded("/api/v1/reports", agent, "gzip", compressedBomb);
    assertEquals(413, tooBig.statusCode(), tooBig.body());
    assertEquals("payload_too_large", new JsonObject(tooBig.body()).getString("error"));

    HttpResponse<String> corrupt =
        c.postEncoded("/api/v1/reports", agent, "gzip", java.util.Arrays.copyOf(gzip(json), 40));
    assertTrue(
        corrupt.statusCode() == 400,
        "a truncated gzip body: " + corrupt.statusCode() + corrupt.body());

    HttpResponse<String> unknown = c.postEncoded("/api/v1/reports", agent, "compress", json);
    assertEquals(415, unknown.statusCode(), unknown.body());
    assertEquals("unsupported_media_type", new JsonObject(unknown.body()).getString("error"));
    assertEquals(200, c.get("/health", null).statusCode(), "the collector is still serving");
  }

  @Test
  void findingsAreBoundedByTheirOwnLimitNotByTheArrayLimit() throws Exception {
    try (RunningCollector limited =
        new RunningCollector(
            dir.resolve("limited"),
            "limits:\n  maxArrayLength: 100\n  maxFindingsPerReport: 300\n")) {
      String agent = limited.siteWithAgent("plant-a");
      HttpResponse<String> accepted =
          limited.post("/api/v1/reports", agent, report("r-1", withFindings(150)));
      assertEquals(
          201, accepted.statusCode(), "more findings than maxArrayLength: " + accepted.body());
      HttpResponse<String> refused =
          limited.post("/api/v1/reports", agent, report("r-2", withFindings(301)));
      assertEquals(400, refused.statusCode());
      assertTrue(
          refused.body().contains("/inventory/findings has 301 items; the limit is 300"),
          refused.body());
    }
  }

  /** One PLC with {@code n} findings of distinct rules. */
  private static JsonObject withFindings(int n) {
    JsonObject inventory = onePlc("V1");
    JsonObject evidence =
        new JsonObject()
            .put("source", "s7comm.szl")
            .put("origin", "192.168.0.10:102")
            .put("at", "2026-01-01T00:00:00Z")
            .put("fields", new JsonObject().put("firmware", "V1"));
    JsonArray findings = new JsonArray();
    for (int i = 0; i < n; i++) {
      findings.add(
          new JsonObject()
              .put("assetId", "mac:00:1b:1b:aa:bb:cc")
              .put("rule", "test.rule-" + i)
              .put("severity", "low")
              .put("title", "finding " + i)
              .putNull("detail")
              .put("evidence", new JsonArray().add(evidence))
              .put("occurrences", 1));
    }
    return inventory.put("findings", findings);
  }

  @Test
  void conflictsAndUnknownResourcesAnswerInJson() throws Exception {
    c.siteWithAgent("plant-a");
    HttpResponse<String> again =
        c.post("/api/v1/sites", c.adminToken, "{\"id\":\"plant-a\",\"name\":\"again\"}");
    assertEquals(409, again.statusCode());
    assertEquals("conflict", new JsonObject(again.body()).getString("error"));
    assertEquals(
        404, c.post("/api/v1/sites/nowhere/agents", c.adminToken, "{\"name\":\"x\"}").statusCode());
    assertEquals(404, c.get("/api/v1/sites/nowhere/assets", c.adminToken).statusCode());
    HttpResponse<String> unknown = c.get("/no/such/path", null);
    assertEquals(404, unknown.statusCode());
    assertEquals("not_found", new JsonObject(unknown.body()).getString("error"));
    HttpResponse<String> wrongMethod = c.post("/health", null, "{}");
    assertEquals(405, wrongMethod.statusCode());
    assertEquals("method_not_allowed", new JsonObject(wrongMethod.body()).getString("error"));
    assertEquals(
        400,
        c.post("/api/v1/sites", c.adminToken, "{\"id\":\"Bad Id\",\"name\":\"x\"}").statusCode());
    assertEquals(
        400, c.get("/api/v1/sites/plant-a/assets?limit=100000", c.adminToken).statusCode());
  }

  @Test
  void auditLogNamesTheAdminAndNeverATokenValue() throws Exception {
    String agent = c.siteWithAgent("plant-a");
    String body = c.get("/api/v1/audit", c.adminToken).body();
    JsonArray items = new JsonObject(body).getJsonArray("items");
    assertEquals("agent.create", items.getJsonObject(0).getString("action"));
    assertEquals("user:admin", items.getJsonObject(0).getString("actor"));
    assertFalse(body.contains(agent) || body.contains(c.adminToken));
    assertEquals(403, c.get("/api/v1/audit", agent).statusCode());
  }

  @Test
  void openApiDocumentIsServedAndNamesEveryApiPath() throws Exception {
    HttpResponse<String> doc = c.get("/openapi.yaml", null);
    assertEquals(200, doc.statusCode());
    assertTrue(doc.body().startsWith("openapi: 3.1.0"));
    var yaml =
        new com.fasterxml.jackson.databind.ObjectMapper(
            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    var paths = yaml.readTree(doc.body()).path("paths");
    for (String p :
        java.util.List.of(
            "/health",
            "/metrics",
            "/api/v1/reports",
            "/api/v1/sites",
            "/api/v1/sites/{site}",
            "/api/v1/sites/{site}/agents",
            "/api/v1/sites/{site}/assets",
            "/api/v1/assets/{uid}",
            "/api/v1/users",
            "/api/v1/audit")) {
      assertTrue(paths.has(p), p);
    }
  }
}
