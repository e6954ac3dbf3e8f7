package io.fieldprint.collector.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoints the dashboard is built on, through the HTTP API of a real collector: what they
 * answer, and that a viewer of one site reads nothing of another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardApiTest {
  private Path dir;
  private DashboardFixture f;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    dir = tmp;
    f = new DashboardFixture(dir);
  }

  @AfterAll
  void stop() {
    f.close();
  }

  @Test
  void theOverviewCountsDevicesMatchesFindingsAgentsAndAlertsOfTheSite() throws Exception {
    JsonObject o = json(f.c.get("/api/v1/sites/plant-a/overview", f.viewerA));
    long total = json(f.c.get("/api/v1/sites/plant-a/assets?limit=1", f.viewerA)).getLong("total");
    assertEquals(total, o.getLong("assets"));
    long byRole =
        o.getJsonArray("byRole").stream().mapToLong(r -> ((JsonObject) r).getLong("count")).sum();
    assertEquals(total, byRole);
    JsonObject matches = o.getJsonObject("matches");
    assertEquals(1, matches.getLong("devices"));
    assertEquals(f.cpuUid, matches.getJsonArray("topDevices").getJsonObject(0).getString("uid"));
    assertFalse(o.getJsonObject("findings").getJsonArray("topRules").isEmpty());
    assertEquals("edge-plant-a", o.getJsonArray("agents").getJsonObject(0).getString("name"));
    assertEquals(1, o.getJsonArray("recentAlerts").size());
    assertTrue(o.getLong("openAlerts") >= 1);
  }

  @Test
  void theListingFiltersSortsAndSummarisesEachAsset() throws Exception {
    JsonObject byText = json(get("plant-a", "q=516-3AN01", f.viewerA));
    assertEquals(1, byText.getLong("total"));
    JsonObject cpu = byText.getJsonArray("items").getJsonObject(0);
    assertEquals(1, cpu.getJsonObject("summary").getLong("matches"));
    assertEquals(3, json(get("plant-a", "protocol=opcua", f.viewerA)).getLong("total"));
    JsonObject hostile = json(get("plant-a", "q=onerror", f.viewerA));
    assertEquals(
        1, hostile.getLong("total"), f.c.get("/api/v1/sites/plant-a/assets", f.viewerA).body());
    assertEquals(
        DashboardFixture.HOSTILE, hostile.getJsonArray("items").getJsonObject(0).getString("name"));
    assertEquals(1, json(get("plant-a", "hasMatch=true", f.viewerA)).getLong("total"));
    assertEquals(0, json(get("plant-a", "kev=true", f.viewerA)).getLong("total"));
    JsonObject withFindings = json(get("plant-a", "finding=any", f.viewerA));
    assertTrue(withFindings.getLong("total") > 0);
    assertTrue(
        withFindings
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonObject("summary")
                .getLong("findings")
            > 0);
    JsonArray sorted =
        json(get("plant-a", "sort=-lastSeen&limit=500", f.viewerA)).getJsonArray("items");
    for (int i = 1; i < sorted.size(); i++) {
      String newer = sorted.getJsonObject(i - 1).getString("lastSeen");
      String older = sorted.getJsonObject(i).getString("lastSeen");
      assertTrue(newer.compareTo(older) >= 0, newer + " before " + older);
    }
    assertEquals(400, get("plant-a", "sort=serial", f.viewerA).statusCode());
    assertEquals(400, get("plant-a", "hasMatch=maybe", f.viewerA).statusCode());
    assertEquals(400, get("plant-a", "protocol=%25%27", f.viewerA).statusCode());
    assertEquals(0, json(get("plant-a", "q=%25_%5C", f.viewerA)).getLong("total"));
  }

  @Test
  void firmwareHistoryListsTheFirstReportAndTheChange() throws Exception {
    JsonArray items =
        json(f.c.get("/api/v1/assets/" + f.cpuUid + "/firmware", f.viewerA)).getJsonArray("items");
    assertEquals(2, items.size(), items.encode());
    assertEquals("V2.9.2", items.getJsonObject(0).getString("firmware"));
    assertEquals(null, items.getJsonObject(0).getString("from"));
    assertEquals("V2.9.2", items.getJsonObject(1).getString("from"));
    assertEquals("V2.9.4", items.getJsonObject(1).getString("firmware"));
  }

  @Test
  void anAdvisoryShowsItsCvesAndOnlyTheDevicesOfTheCallersSites() throws Exception {
    String path = "/api/v1/advisories/" + DashboardFixture.ADVISORY;
    JsonObject forA = json(f.c.get(path, f.viewerA));
    assertEquals(DashboardFixture.ADVISORY, forA.getString("trackingId"));
    assertFalse(forA.getJsonArray("vulnerabilities").isEmpty());
    assertTrue(
        forA.getJsonArray("vulnerabilities").getJsonObject(0).getString("cve").startsWith("CVE-"));
    assertEquals(1, forA.getJsonArray("affected").size());
    assertEquals(f.cpuUid, forA.getJsonArray("affected").getJsonObject(0).getString("uid"));
    // plant-b's S7-1500 (CPU 1515, V2.0) is affected too: each viewer sees only its own site's
    JsonArray forB = json(f.c.get(path, f.viewerB)).getJsonArray("affected");
    assertFalse(forB.isEmpty());
    forB.forEach(a -> assertEquals("plant-b", ((JsonObject) a).getString("site")));
    assertEquals(404, f.c.get("/api/v1/advisories/ICSA-00-000-00", f.viewerA).statusCode());
    assertEquals(200, f.c.get("/api/v1/advisories/rejections", f.c.adminToken).statusCode());
  }

  @Test
  void aViewerOfSiteAReadsNothingOfSiteB() throws Exception {
    assertEquals(403, f.c.get("/api/v1/sites/plant-a/overview", f.viewerB).statusCode());
    assertEquals(403, get("plant-a", "q=6ES7", f.viewerB).statusCode());
    assertEquals(404, f.c.get("/api/v1/assets/" + f.cpuUid + "/firmware", f.viewerB).statusCode());
    assertEquals(
        404, f.c.get("/api/v1/assets/" + f.siteBUid + "/firmware", f.viewerA).statusCode());
    assertEquals(401, f.c.get("/api/v1/sites/plant-a/overview", null).statusCode());
    JsonObject me = json(f.c.get("/api/v1/me", f.viewerA));
    assertEquals("viewer", me.getString("role"));
    assertEquals(new JsonArray().add("plant-a"), me.getJsonArray("sites"));
  }

  @Test
  void theDashboardIsServedFromTheJarWithAStrictContentSecurityPolicy() throws Exception {
    HttpResponse<String> root = f.c.get("/", null);
    assertEquals(302, root.statusCode());
    assertEquals("/ui/", root.headers().firstValue("location").orElseThrow());
    HttpResponse<String> index = f.c.get("/ui/", null);
    assertEquals(200, index.statusCode());
    assertTrue(index.body().contains("<script type=\"module\" src=\"js/app.js\"></script>"));
    assertFalse(index.body().contains("<script>"), "no inline script");
    String csp = index.headers().firstValue("content-security-policy").orElseThrow();
    assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
    assertFalse(csp.contains("unsafe-inline"), csp);
    assertEquals("nosniff", index.headers().firstValue("x-content-type-options").orElseThrow());
    assertEquals("no-referrer", index.headers().firstValue("referrer-policy").orElseThrow());
    HttpResponse<String> module = f.c.get("/ui/js/app.js", null);
    assertEquals(200, module.statusCode());
    assertTrue(
        module.headers().firstValue("content-type").orElseThrow().contains("javascript"),
        module.headers().map().toString());
    assertEquals(404, f.c.get("/ui/../openapi.yaml.bak", null).statusCode());
  }

  private HttpResponse<String> get(String site, String query, String token) throws Exception {
    return f.c.get("/api/v1/sites/" + site + "/assets?" + query, token);
  }

  private static JsonObject json(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return new JsonObject(r.body());
  }
}
