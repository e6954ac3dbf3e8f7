package io.fieldprint.collector.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.collector.auth.Tokens;
import io.fieldprint.collector.config.RequestLimits;
import io.fieldprint.collector.config.Storage;
import io.fieldprint.collector.correlation.AdvisoryImporter;
import io.fieldprint.collector.storage.Database;
import io.fieldprint.collector.storage.JdbcCollectorStore;
import io.fieldprint.collector.storage.JdbcCorrelationStore;
import io.fieldprint.collector.storage.JdbcDashboardStore;
import io.fieldprint.collector.sync.SyncRuns;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document describes exactly the {@code /api/v1} routes the router serves, so request
 * validation covers every route and clients see every operation.
 */
class OpenApiCoverageTest {

  @Test
  void everyApiRouteHasAnOperationAndEveryOperationARoute(@TempDir Path dir) {
    Set<String> routes = new TreeSet<>();
    Vertx vertx = Vertx.vertx();
    try (Database db =
        Database.open(new Storage(Storage.Kind.SQLITE, dir.resolve("c.db"), Optional.empty(), 2))) {
      WorkerExecutor workers = vertx.createSharedWorkerExecutor("coverage", 1);
      Clock clock = Clock.systemUTC();
      JdbcCorrelationStore correlations =
          new JdbcCorrelationStore(db.dataSource(), db.dialect(), clock);
      Router router =
          HttpApi.router(
              vertx,
              new JdbcCollectorStore(db.dataSource(), db.dialect(), clock, new Tokens()::id),
              new Blocking(workers),
              RequestLimits.DEFAULTS,
              new CollectorMetrics(),
              clock,
              correlations,
              new AdvisoryImporter(correlations, new CsafReader(), clock),
              10,
              new SyncRuns(db.dataSource()),
              new JdbcDashboardStore(db.dataSource()));
      collect(router, "", routes);
    } finally {
      vertx.close().await();
    }
    Set<String> documented = new TreeSet<>();
    ApiDescription.load().operations().forEach(o -> documented.add(shape(o)));

    Set<String> undocumented = new TreeSet<>(routes);
    undocumented.removeAll(documented);
    Set<String> unrouted = new TreeSet<>(documented);
    unrouted.removeAll(routes);
    assertTrue(
        undocumented.isEmpty() && unrouted.isEmpty(),
        "routes without an operation in openapi.yaml (add them): "
            + undocumented
            + "; operations in openapi.yaml without a route: "
            + unrouted);
  }

  /** Every method and path of the router's /api/v1 routes, parameters written as {}. */
  private static void collect(Router router, String prefix, Set<String> out) {
    for (Route r : router.getRoutes()) {
      String path = r.getPath();
      if (path == null) {
        continue;
      }
      if (r.getSubRouter() != null) {
        collect(r.getSubRouter(), prefix + path.replaceAll("/\\*?$", ""), out);
        continue;
      }
      String full = prefix + path;
      if (!full.startsWith(ApiDescription.PREFIX)) {
        continue;
      }
      for (HttpMethod m : r.methods()) {
        out.add(shape(m.name() + " " + full));
      }
    }
  }

  /** {@code GET /api/v1/sites/:site} and {@code GET /api/v1/sites/{site}} both become {}. */
  private static String shape(String operation) {
    return operation.replaceAll(":[A-Za-z0-9_]+", "{}").replaceAll("\\{[^}/]+}", "{}");
  }
}
