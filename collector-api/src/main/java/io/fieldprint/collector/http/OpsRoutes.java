package io.fieldprint.collector.http;

import io.fieldprint.collector.storage.CollectorStore;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Unauthenticated operations endpoints: health, metrics, the OpenAPI document. */
final class OpsRoutes {
  static final String OPENAPI_RESOURCE = "/io/fieldprint/collector/openapi.yaml";

  private final CollectorStore store;
  private final Blocking blocking;
  private final CollectorMetrics metrics;
  private final Buffer openapi;

  OpsRoutes(CollectorStore store, Blocking blocking, CollectorMetrics metrics) {
    this.store = store;
    this.blocking = blocking;
    this.metrics = metrics;
    this.openapi = Buffer.buffer(readOpenapi());
  }

  void mount(Router router) {
    router.get("/health").handler(this::health);
    router.get("/metrics").handler(this::metrics);
    router.get("/openapi.yaml").handler(this::openapi);
  }

  private void health(RoutingContext ctx) {
    blocking
        .run(store::hasUsers)
        .onSuccess(v -> ApiJson.send(ctx, 200, new JsonObject().put("status", "ok")))
        .onFailure(
            e ->
                ApiJson.send(
                    ctx,
                    503,
                    new JsonObject().put("status", "unavailable").put("reason", "database")));
  }

  private void metrics(RoutingContext ctx) {
    blocking
        .run(metrics::scrape)
        .onSuccess(
            text ->
                ctx.response()
                    .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                    .end(text))
        .onFailure(ctx::fail);
  }

  private void openapi(RoutingContext ctx) {
    ctx.response().putHeader("content-type", "application/yaml").end(openapi);
  }

  private static byte[] readOpenapi() {
    try (InputStream in = OpsRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
