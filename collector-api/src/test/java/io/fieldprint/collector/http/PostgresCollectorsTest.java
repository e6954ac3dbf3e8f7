package io.fieldprint.collector.http;

import static io.fieldprint.collector.http.Inventories.onePlc;
import static io.fieldprint.collector.http.Inventories.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two collectors on one real PostgreSQL behave as one for ingest and reads. */
class PostgresCollectorsTest {
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
  void twoCollectorsShareOneAdminAndIngestEachReportOnce(@TempDir Path dir) throws Exception {
    String storage =
        "storage:\n  kind: postgresql\n  postgresql:\n    url: "
            + postgres.getJdbcUrl("postgres", "postgres")
            + "\n    user: postgres\n";
    try (RunningCollector one = new RunningCollector(dir.resolve("one"), storage);
        RunningCollector two = new RunningCollector(dir.resolve("two"), storage)) {
      assertNotNull(one.adminToken);
      assertNull(two.adminToken, "the first admin is created once, by the first collector");
      String admin = one.adminToken;
      String agent = one.siteWithAgent("plant-a", admin);

      assertEquals(
          201, one.post("/api/v1/reports", agent, report("r-0", onePlc("V1"))).statusCode());
      assertEquals(
          200, two.post("/api/v1/reports", agent, report("r-0", onePlc("V1"))).statusCode());

      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Callable<HttpResponse<String>>> posts = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
          RunningCollector target = i % 2 == 0 ? one : two;
          String body = report("r-" + i, withExtraDevice(i));
          posts.add(() -> target.post("/api/v1/reports", agent, body));
        }
        for (Future<HttpResponse<String>> f : pool.invokeAll(posts)) {
          assertEquals(201, f.get().statusCode(), f.get().body());
        }
      } finally {
        pool.shutdownNow();
      }
      JsonObject page =
          new JsonObject(two.get("/api/v1/sites/plant-a/assets?limit=100", admin).body());
      assertEquals(17, page.getLong("total"));
      String shared =
          page.getJsonArray("items").stream()
              .map(JsonObject.class::cast)
              .filter(a -> a.getString("id").equals("mac:00:1b:1b:aa:bb:cc"))
              .findFirst()
              .orElseThrow()
              .getString("uid");
      JsonArray events =
          new JsonObject(one.get("/api/v1/assets/" + shared, admin).body()).getJsonArray("events");
      assertEquals(1, events.size(), "one new-device event however many collectors saw the device");
    }
  }

  private static JsonObject withExtraDevice(int i) {
    JsonObject inv = onePlc("V1");
    JsonObject extra = inv.getJsonArray("assets").getJsonObject(0).copy();
    extra.put("id", String.format("mac:00:1b:1b:00:00:%02x", i));
    extra.put("mac", new JsonArray().add(String.format("00:1b:1b:00:00:%02x", i)));
    inv.getJsonArray("assets").add(extra);
    return inv;
  }
}
