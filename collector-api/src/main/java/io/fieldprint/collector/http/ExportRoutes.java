package io.fieldprint.collector.http;

import io.fieldprint.collector.auth.Principal;
import io.fieldprint.collector.export.AssetCsv;
import io.fieldprint.collector.export.ExportPager;
import io.fieldprint.collector.export.MatchCsv;
import io.fieldprint.collector.export.csaf.SiteCsafVex;
import io.fieldprint.collector.export.cyclonedx.SiteCycloneDx;
import io.fieldprint.collector.storage.CollectorStore;
import io.fieldprint.collector.storage.CorrelationStore;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Site exports (CSV, CycloneDX), for viewers and admins within their site scope exactly like the
 * JSON reads: a site outside the caller's scope answers 403, an unknown one 404. Each export is
 * produced page by page on a worker and streamed with back-pressure; a failure after the first
 * bytes resets the connection so a truncated file is never mistaken for a complete one.
 */
final class ExportRoutes {
  /** Rows fetched from the store per page. */
  static final int PAGE_SIZE = 500;

  private static final Logger LOG = LoggerFactory.getLogger(ExportRoutes.class);

  private final CollectorStore store;
  private final CorrelationStore correlations;
  private final Blocking blocking;
  private final Clock clock;

  ExportRoutes(
      CollectorStore store, CorrelationStore correlations, Blocking blocking, Clock clock) {
    this.store = store;
    this.correlations = correlations;
    this.blocking = blocking;
    this.clock = clock;
  }

  void mount(Router api) {
    api.get("/sites/:site/assets.csv")
        .handler(
            ctx -> csv(ctx, "assets", site -> new AssetCsv(store, correlations, site, PAGE_SIZE)));
    api.get("/sites/:site/matches.csv")
        .handler(ctx -> csv(ctx, "matches", site -> new MatchCsv(correlations, site, PAGE_SIZE)));
    api.get("/sites/:site/cyclonedx").handler(this::cycloneDx);
    api.get("/sites/:site/csaf-vex").handler(this::csafVex);
  }

  private void csafVex(RoutingContext ctx) {
    String site = readableSite(ctx);
    blocking
        .run(
            () -> {
              if (store.site(site).isEmpty()) {
                throw ApiException.notFound("no site " + site);
              }
              return new SiteCsafVex(store, correlations, PAGE_SIZE, clock)
                  .document(site)
                  .orElseThrow(
                      () -> ApiException.notFound("site " + site + " has no triaged matches"));
            })
        .onSuccess(
            doc ->
                ctx.response()
                    .putHeader("content-type", "application/json")
                    .putHeader(
                        "content-disposition", "attachment; filename=\"" + site + ".vex.json\"")
                    .putHeader("cache-control", "no-store")
                    .end(doc.toString()))
        .onFailure(ctx::fail);
  }

  private void cycloneDx(RoutingContext ctx) {
    String site = readableSite(ctx);
    stream(
        ctx,
        site,
        "application/vnd.cyclonedx+json; version=1.6",
        site + ".cdx.json",
        () -> new SiteCycloneDx(store, correlations, site, PAGE_SIZE, clock));
  }

  private void csv(
      RoutingContext ctx, String what, java.util.function.Function<String, ExportPager> pager) {
    String site = readableSite(ctx);
    stream(
        ctx,
        site,
        "text/csv; charset=utf-8; header=present",
        site + "-" + what + ".csv",
        () -> pager.apply(site));
  }

  /** Checks the site exists, then streams the pager's chunks. */
  private void stream(
      RoutingContext ctx,
      String site,
      String contentType,
      String fileName,
      Supplier<ExportPager> pager) {
    blocking
        .run(() -> store.site(site).isPresent())
        .onSuccess(
            exists -> {
              if (!exists) {
                ctx.fail(ApiException.notFound("no site " + site));
                return;
              }
              ctx.response()
                  .setChunked(true)
                  .putHeader("content-type", contentType)
                  .putHeader("content-disposition", "attachment; filename=\"" + fileName + "\"")
                  .putHeader("cache-control", "no-store");
              pump(ctx, pager.get());
            })
        .onFailure(ctx::fail);
  }

  private void pump(RoutingContext ctx, ExportPager pager) {
    HttpServerResponse response = ctx.response();
    blocking
        .run(pager::next)
        .onSuccess(
            chunk -> {
              if (response.closed()) {
                return;
              }
              if (chunk.isEmpty()) {
                response.end();
                return;
              }
              response.write(Buffer.buffer(chunk.get()));
              if (response.writeQueueFull()) {
                response.drainHandler(v -> pump(ctx, pager));
              } else {
                pump(ctx, pager);
              }
            })
        .onFailure(
            e -> {
              if (!response.headWritten()) {
                ctx.fail(e);
              } else {
                LOG.warn("export of {} failed after its first bytes: {}", ctx.normalizedPath(), e);
                response.reset();
              }
            });
  }

  static String readableSite(RoutingContext ctx) {
    Principal.User user = Authenticator.user(ctx);
    String site = RequestBodies.siteId(ctx.pathParam("site"));
    if (!user.canRead(site)) {
      throw ApiException.forbidden("no access to site " + site);
    }
    return site;
  }
}
