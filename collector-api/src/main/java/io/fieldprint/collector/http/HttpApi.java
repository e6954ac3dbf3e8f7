package io.fieldprint.collector.http;

import io.fieldprint.collector.auth.Tokens;
import io.fieldprint.collector.config.RequestLimits;
import io.fieldprint.collector.correlation.AdvisoryImporter;
import io.fieldprint.collector.ingest.ReportReader;
import io.fieldprint.collector.storage.CollectorStore;
import io.fieldprint.collector.storage.CorrelationStore;
import io.fieldprint.collector.storage.DashboardStore;
import io.fieldprint.collector.sync.SyncRuns;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.Locale;

/** Builds the collector's router: ops endpoints, then {@code /api/v1} behind bearer tokens. */
public final class HttpApi {
  private HttpApi() {}

  public static Router router(
      Vertx vertx,
      CollectorStore store,
      Blocking blocking,
      RequestLimits limits,
      CollectorMetrics metrics,
      Clock clock,
      CorrelationStore correlations,
      AdvisoryImporter importer,
      int maxAdvisoryBatch,
      SyncRuns syncRuns,
      DashboardStore dashboard) {
    FailureResponder failures = new FailureResponder();
    Router router = Router.router(vertx);
    router.route().handler(metrics::timeRequest);
    new OpsRoutes(store, blocking, metrics).mount(router);
    UiRoutes.mount(router);

    Router api = Router.router(vertx);
    api.route().handler(HttpApi::requireJsonBody);
    api.route()
        .handler(BodyHandler.create(false).setBodyLimit(limits.maxBodyBytes()))
        .handler(new Authenticator(store, blocking)::handle)
        .handler(new RequestValidator(ApiDescription.load(), blocking)::handle);
    new ReportRoutes(store, blocking, new ReportReader(limits), metrics).mount(api);
    new ReadRoutes(store, correlations, blocking, limits, dashboard).mount(api);
    new CorrelationRoutes(correlations, importer, blocking, maxAdvisoryBatch, clock).mount(api);
    // before the dashboard's /advisories/:trackingId, which would otherwise take
    // /advisories/sync-runs
    new SyncRoutes(syncRuns, blocking).mount(api);
    new DashboardRoutes(store, correlations, dashboard, blocking).mount(api);
    new KevRoutes(correlations, blocking).mount(api);
    new ExportRoutes(store, correlations, blocking, clock).mount(api);
    new AdminRoutes(store, blocking, new Tokens(), clock).mount(api);
    api.route().failureHandler(failures::handle);
    router.route("/api/v1/*").subRouter(api);

    router.route().failureHandler(failures::handle);
    router.errorHandler(
        404,
        ctx ->
            FailureResponder.send(ctx, 404, "not_found", "no such resource", java.util.List.of()));
    router.errorHandler(
        405,
        ctx ->
            FailureResponder.send(
                ctx,
                405,
                "method_not_allowed",
                "method not allowed on this resource",
                java.util.List.of()));
    return router;
  }

  /**
   * Bodies are JSON only: anything else would reach the form decoder of the body handler, whose
   * limits are not ours. They may be compressed with gzip or deflate: the server inflates those
   * before the body handler and drops the header, so a {@code Content-Encoding} still present here
   * names a coding it could not inflate, which would reach the JSON parser as it is.
   */
  private static void requireJsonBody(RoutingContext ctx) {
    HttpMethod m = ctx.request().method();
    if (m.equals(HttpMethod.POST) || m.equals(HttpMethod.PUT) || m.equals(HttpMethod.PATCH)) {
      String type = ctx.request().getHeader("content-type");
      if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
        ctx.fail(
            new ApiException(415, "unsupported_media_type", "send the body as application/json"));
        return;
      }
      String coding = ctx.request().getHeader("content-encoding");
      if (coding != null && !coding.trim().equalsIgnoreCase("identity")) {
        ctx.fail(
            new ApiException(
                415,
                "unsupported_media_type",
                "content encoding '" + coding + "' is not supported: send gzip, deflate or none"));
        return;
      }
    }
    ctx.next();
  }
}
