package io.fieldprint.collector.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.collector.storage.CsafFixtures;
import io.fieldprint.collector.sync.LoopbackProvider;
import io.fieldprint.collector.sync.SigningKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One collector (SQLite) following a loopback CSAF provider: synced advisories are correlated, a
 * revision replaces the stored version and re-correlates, and a document altered on the server is
 * rejected with its reason while the previous version stays.
 */
class AdvisorySyncTest {
  private static final String OTHER = "2023/icsa-23-005-01";

  @Test
  void syncedRevisionsAreCorrelatedAndATamperedOneIsRejectedWhileThePreviousStays(@TempDir Path dir)
      throws Exception {
    Path white = CsafFixtures.cisaFolder();
    SigningKey key = SigningKey.generate("Loopback provider <csaf@example.test>");
    Files.createDirectories(dir);
    Files.write(dir.resolve("provider.asc"), key.armoredPublicKey());
    try (LoopbackProvider provider =
            new LoopbackProvider(white, List.of(CsafFixtures.S7_1500, OTHER), key);
        RunningCollector c = new RunningCollector(dir.resolve("c"), config(dir, provider))) {
      String admin = c.adminToken;
      String agent = c.siteWithAgent("plant-a");
      c.post(
          "/api/v1/reports",
          agent,
          Inventories.report(
              "r-1", Inventories.onePlc("V2.9.4").put("assets", new JsonArray().add(plc()))));
      JsonObject match = await(() -> match(c, admin, "1"), "a match of version 1");
      assertEquals("high", match.getString("confidence"));

      byte[] original = CsafFixtures.cisa(CsafFixtures.S7_1500);
      byte[] revised = CsafFixtures.revised(original, "2", "2024-06-01T00:00:00Z");
      provider.publish(CsafFixtures.S7_1500, revised, "2024-06-02T00:00:00Z", true);
      JsonObject rejection = await(() -> rejection(c, admin), "the tampered document rejected");
      assertTrue(rejection.getString("source").endsWith("icsa-23-222-07.json"), rejection.encode());
      assertTrue(rejection.getString("reason").startsWith("cisa-loopback: "), rejection.encode());
      assertEquals("1", version(c, admin), "the previous version stays");

      provider.publish(CsafFixtures.S7_1500, revised, "2024-06-03T00:00:00Z", false);
      await(() -> match(c, admin, "2"), "the match moved to version 2");
      JsonArray alerts = items(c.get("/api/v1/alerts?site=plant-a", admin).body());
      assertEquals(
          List.of("revised", "new"),
          alerts.stream().map(a -> ((JsonObject) a).getString("kind")).toList());
      JsonArray runs = items(c.get("/api/v1/advisories/sync-runs", admin).body());
      int added = 0;
      int changed = 0;
      for (Object r : runs) {
        added += ((JsonObject) r).getInteger("added");
        changed += ((JsonObject) r).getInteger("changed");
      }
      assertEquals(2, added);
      assertEquals(1, changed);
      assertEquals(
          403, c.get("/api/v1/advisories/sync-runs", c.siteWithAgent("plant-b")).statusCode());
    }
  }

  private static String config(Path dir, LoopbackProvider provider) {
    return "correlation:\n  intervalMillis: 100\n"
        + "advisories:\n  syncInterval: 1s\n  syncRequestGapMillis: 0\n  providers:\n"
        + "    - name: cisa-loopback\n      metadataUrl: "
        + provider.metadataUrl()
        + "\n      keyFiles: ["
        + dir.resolve("provider.asc")
        + "]\n";
  }

  private static JsonObject plc() {
    return Inventories.onePlc("V2.9.4")
        .getJsonArray("assets")
        .getJsonObject(0)
        .put("vendor", "Siemens AG")
        .put("product", "CPU 1516-3 PN/DP")
        .put("model", "6ES7 516-3AN01-0AB0");
  }

  private static JsonObject match(RunningCollector c, String admin, String version)
      throws Exception {
    for (Object m : items(c.get("/api/v1/sites/plant-a/matches", admin).body())) {
      JsonObject match = (JsonObject) m;
      if (match.getString("advisoryId").equals("ICSA-23-222-07")
          && match.getString("advisoryVersion").equals(version)) {
        return match;
      }
    }
    return null;
  }

  private static JsonObject rejection(RunningCollector c, String admin) throws Exception {
    JsonArray list = items(c.get("/api/v1/advisories/rejections", admin).body());
    return list.isEmpty() ? null : list.getJsonObject(0);
  }

  private static String version(RunningCollector c, String admin) throws Exception {
    for (Object a : items(c.get("/api/v1/advisories", admin).body())) {
      if (((JsonObject) a).getString("trackingId").equals("ICSA-23-222-07")) {
        return ((JsonObject) a).getString("version");
      }
    }
    return null;
  }

  private static JsonArray items(String body) {
    return new JsonObject(body).getJsonArray("items");
  }

  /** Polls until {@code probe} gives a value (the background jobs run on their own timers). */
  private static <T> T await(Await.Probe<T> probe, String what) throws Exception {
    return Await.value(probe, Duration.ofSeconds(60), what);
  }
}
