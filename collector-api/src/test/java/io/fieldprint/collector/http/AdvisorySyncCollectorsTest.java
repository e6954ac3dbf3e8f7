package io.fieldprint.collector.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.fieldprint.collector.storage.CsafFixtures;
import io.fieldprint.collector.sync.LoopbackProvider;
import io.fieldprint.collector.sync.SigningKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two collectors on one real PostgreSQL follow one loopback CSAF provider and send alerts to one
 * loopback webhook: every document is fetched and imported once, every match and alert is made
 * once, and every alert is delivered once, however many rounds each collector runs.
 */
class AdvisorySyncCollectorsTest {
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void twoCollectorsImportEachSyncedDocumentOnceAndDeliverEachAlertOnce(@TempDir Path dir)
      throws Exception {
    Path white = CsafFixtures.cisaFolder();
    List<String> documents = documents(white);
    SigningKey key = SigningKey.generate("Loopback provider <csaf@example.test>");
    Files.createDirectories(dir);
    Files.write(dir.resolve("provider.asc"), key.armoredPublicKey());
    Files.writeString(dir.resolve("hook.secret"), "a-webhook-secret-of-some-length");
    Map<String, Integer> delivered = new ConcurrentHashMap<>();
    HttpServer webhook = webhook(delivered);
    try (LoopbackProvider provider = new LoopbackProvider(white, documents, key);
        RunningCollector one =
            new RunningCollector(dir.resolve("one"), config(dir, provider, webhook));
        RunningCollector two =
            new RunningCollector(dir.resolve("two"), config(dir, provider, webhook))) {
      String admin = one.adminToken;
      String agent = one.siteWithAgent("plant-a", admin);
      assertEquals(
          201,
          two.post("/api/v1/reports", agent, Inventories.report("r-1", vulnerablePlcs()))
              .statusCode());

      await(() -> advisories(one, admin) == documents.size(), "every document imported");
      await(
          () -> !alerts(two, admin).isEmpty() && delivered.size() == alerts(two, admin).size(),
          "every alert delivered");
      // more rounds of every job on both collectors: none may import, match or send again
      int[] before = {rounds(one, "advisory_sync"), rounds(two, "advisory_sync")};
      int[] deliveries = {rounds(one, "alert_delivery"), rounds(two, "alert_delivery")};
      await(
          () ->
              rounds(one, "advisory_sync") >= before[0] + 2
                  && rounds(two, "advisory_sync") >= before[1] + 2
                  && rounds(one, "alert_delivery") >= deliveries[0] + 3
                  && rounds(two, "alert_delivery") >= deliveries[1] + 3,
          "further rounds on both collectors");

      for (String doc : documents) {
        assertEquals(1, provider.documentHits(doc), doc + " fetched once across both collectors");
      }
      assertEquals(documents.size(), advisories(two, admin));
      JsonArray runs = items(one.get("/api/v1/advisories/sync-runs?limit=500", admin).body());
      int added = 0;
      for (Object r : runs) {
        added += ((JsonObject) r).getInteger("added");
        assertEquals(0, ((JsonObject) r).getInteger("rejected"), r.toString());
      }
      assertEquals(documents.size(), added, "each document added by exactly one run");
      JsonArray matches = items(one.get("/api/v1/sites/plant-a/matches", admin).body());
      JsonArray alerts = alerts(two, admin);
      assertEquals(2, count(matches, CsafFixtures.S7_1500), matches.encode());
      assertEquals(matches.size(), alerts.size(), "one alert per match");
      assertEquals(alerts.size(), delivered.size());
      delivered.forEach((id, n) -> assertEquals(1, n, "alert " + id + " delivered once"));
    } finally {
      webhook.stop(0);
    }
  }

  /** ICSA-23-222-07 (matches the PLCs below) and ten more documents of 2023. */
  private static List<String> documents(Path white) throws Exception {
    List<String> out = new ArrayList<>(List.of(CsafFixtures.S7_1500));
    try (Stream<Path> files = Files.list(white.resolve("2023"))) {
      files
          .map(p -> "2023/" + p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .filter(n -> !n.equals(CsafFixtures.S7_1500))
          .sorted()
          .limit(10)
          .forEach(out::add);
    }
    return out;
  }

  private static String config(Path dir, LoopbackProvider provider, HttpServer webhook) {
    String storage =
        "storage:\n  kind: postgresql\n  postgresql:\n    url: "
            + postgres.getJdbcUrl("postgres", "postgres")
            + "\n    user: postgres\n";
    return storage
        + "correlation:\n  intervalMillis: 100\n"
        + "advisories:\n"
        + "  syncInterval: 1s\n"
        + "  syncRequestGapMillis: 0\n"
        + "  providers:\n"
        + "    - name: cisa-loopback\n"
        + "      metadataUrl: "
        + provider.metadataUrl()
        + "\n"
        + "      keyFiles: ["
        + dir.resolve("provider.asc")
        + "]\n"
        + "alerts:\n"
        + "  destinations:\n"
        + "    - {name: hook, type: webhook, url: 'http://127.0.0.1:"
        + webhook.getAddress().getPort()
        + "/hook', secretFile: "
        + dir.resolve("hook.secret")
        + "}\n"
        + "  routes:\n"
        + "    - {site: '*', destinations: [hook]}\n";
  }

  private static HttpServer webhook(Map<String, Integer> delivered) throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          JsonObject alert =
              new JsonObject(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          delivered.merge(String.valueOf(alert.getValue("id")), 1, Integer::sum);
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
    return server;
  }

  /** Two CPU 1516 on a firmware ICSA-23-222-07 names as affected. */
  private static JsonObject vulnerablePlcs() {
    JsonObject inv = Inventories.onePlc("V2.9.4");
    JsonObject plc =
        inv.getJsonArray("assets")
            .getJsonObject(0)
            .put("vendor", "Siemens AG")
            .put("product", "CPU 1516-3 PN/DP")
            .put("model", "6ES7 516-3AN01-0AB0");
    JsonObject second = plc.copy().put("id", "mac:00:1b:1b:00:00:02");
    second.put("mac", new JsonArray().add("00:1b:1b:00:00:02"));
    inv.getJsonArray("assets").add(second);
    return inv;
  }

  private static int advisories(RunningCollector c, String admin) {
    return items(body(c, "/api/v1/advisories", admin)).size();
  }

  private static JsonArray alerts(RunningCollector c, String admin) {
    return items(body(c, "/api/v1/alerts?site=plant-a&limit=1000", admin));
  }

  private static final Pattern ROUNDS =
      Pattern.compile(
          "fieldprint_background_rounds_total\\{job=\"([a-z_]+)\",outcome=\"ran\",?\\} ([0-9.]+)");

  /** Rounds of a job this collector ran (its /metrics). */
  private static int rounds(RunningCollector c, String job) {
    Matcher m = ROUNDS.matcher(body(c, "/metrics", null));
    while (m.find()) {
      if (m.group(1).equals(job)) {
        return (int) Double.parseDouble(m.group(2));
      }
    }
    return 0;
  }

  private static long count(JsonArray matches, String advisory) {
    return matches.stream()
        .map(JsonObject.class::cast)
        .filter(m -> m.getString("advisoryId").equals(advisory.substring(5).toUpperCase()))
        .count();
  }

  private static String body(RunningCollector c, String path, String token) {
    try {
      return c.get(path, token).body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonArray items(String body) {
    return new JsonObject(body).getJsonArray("items");
  }

  private static void await(BooleanSupplier condition, String what) throws Exception {
    Await.until(condition::getAsBoolean, Duration.ofSeconds(90), what);
  }
}
