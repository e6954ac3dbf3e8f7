package io.fieldprint.agent.service.ops;

import io.fieldprint.agent.service.config.OpsListen;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.Supplier;

/**
 * The local operations listener: {@code GET /health} (JSON, 200 while the agent runs, 503 while it
 * stops) and {@code GET /metrics} (Prometheus text). Nothing else; no request body is read.
 */
public final class OpsServer {
  private final HttpServer server;

  private OpsServer(HttpServer server) {
    this.server = server;
  }

  /** Listens as configured; the future completes once bound. */
  public static Future<OpsServer> start(
      Vertx vertx, OpsListen listen, AgentMetrics metrics, Supplier<HealthState> health) {
    return vertx
        .createHttpServer()
        .requestHandler(r -> handle(r, metrics, health))
        .listen(listen.port(), listen.host())
        .map(OpsServer::new);
  }

  private static void handle(
      HttpServerRequest r, AgentMetrics metrics, Supplier<HealthState> health) {
    if (r.method() != HttpMethod.GET) {
      r.response().setStatusCode(405).end();
      return;
    }
    switch (r.path()) {
      case "/health" -> {
        HealthState h = health.get();
        r.response()
            .setStatusCode(h.up() ? 200 : 503)
            .putHeader("Content-Type", "application/json")
            .end(h.json());
      }
      case "/metrics" ->
          r.response()
              .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
              .end(metrics.scrape());
      default -> r.response().setStatusCode(404).end();
    }
  }

  public int port() {
    return server.actualPort();
  }

  public Future<Void> close() {
    return server.close();
  }
}
