package io.fieldprint.collector.http;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.csaf.CsafResult;
import io.fieldprint.collector.auth.Principal;
import io.fieldprint.collector.storage.CollectorStore;
import io.fieldprint.collector.storage.CorrelationStore;
import io.fieldprint.collector.storage.DashboardStore;
import io.fieldprint.collector.storage.DashboardStore.FirmwareChange;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.TreeSet;

/**
 * Read endpoints the dashboard is built on (and any other client may use): who am I, a site's
 * overview, an asset's firmware history, an advisory with the devices it affects. Scoped like
 * {@link ReadRoutes}: a site outside the caller's scope answers 403, an asset outside it 404, and
 * an advisory lists only the devices of the caller's sites.
 */
final class DashboardRoutes {
  /** Alerts shown on a site's overview. */
  static final int RECENT_ALERTS = 5;

  private static final int MAX_ADVISORY_ID = 200;

  private final CollectorStore store;
  private final CorrelationStore correlations;
  private final DashboardStore dashboard;
  private final Blocking blocking;
  private final CsafReader csaf = new CsafReader();

  DashboardRoutes(
      CollectorStore store,
      CorrelationStore correlations,
      DashboardStore dashboard,
      Blocking blocking) {
    this.store = store;
    this.correlations = correlations;
    this.dashboard = dashboard;
    this.blocking = blocking;
  }

  /** Mount after {@link CorrelationRoutes}: {@code /advisories/rejections} is theirs. */
  void mount(Router api) {
    api.get("/me").handler(this::me);
    api.get("/sites/:site/overview").handler(this::overview);
    api.get("/assets/:uid/firmware").handler(this::firmware);
    api.get("/advisories/:id").handler(this::advisory);
  }

  private void me(RoutingContext ctx) {
    Principal.User user = Authenticator.user(ctx);
    ApiJson.send(
        ctx,
        200,
        new JsonObject()
            .put("name", user.name())
            .put("role", user.isAdmin() ? "admin" : "viewer")
            .put("allSites", user.allSites())
            .put("sites", new JsonArray(new TreeSet<>(user.sites()).stream().toList())));
  }

  private void overview(RoutingContext ctx) {
    Principal.User user = Authenticator.user(ctx);
    String site = RequestBodies.siteId(ctx.pathParam("site"));
    if (!user.canRead(site)) {
      throw ApiException.forbidden("no access to site " + site);
    }
    blocking
        .run(
            () -> {
              if (store.site(site).isEmpty()) {
                throw ApiException.notFound("no site " + site);
              }
              JsonArray agents = new JsonArray();
              store.agents(site).forEach(a -> agents.add(ApiJson.agent(a)));
              JsonArray alerts = new JsonArray();
              correlations
                  .alerts(site, RECENT_ALERTS, 0)
                  .forEach(a -> alerts.add(MatchJson.alert(a)));
              return OverviewJson.overview(site, dashboard.overview(site))
                  .put("agents", agents)
                  .put("recentAlerts", alerts);
            })
        .onSuccess(json -> ApiJson.send(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private void firmware(RoutingContext ctx) {
    Principal.User user = Authenticator.user(ctx);
    String uid = ctx.pathParam("uid");
    if (uid.length() > 64) {
      throw ApiException.notFound("no asset " + uid);
    }
    blocking
        .run(
            () ->
                dashboard
                    .firmwareHistory(uid)
                    .filter(h -> user.canRead(h.siteId()))
                    .orElseThrow(() -> ApiException.notFound("no asset " + uid)))
        .onSuccess(
            history -> {
              JsonArray items = new JsonArray();
              history.changes().forEach(ch -> items.add(change(ch)));
              ApiJson.send(ctx, 200, new JsonObject().put("asset", uid).put("items", items));
            })
        .onFailure(ctx::fail);
  }

  private static JsonObject change(FirmwareChange ch) {
    return new JsonObject()
        .put("from", ch.from().orElse(null))
        .put("firmware", ch.firmware().orElse(null))
        .put("agent", ch.agentId())
        .put("reportId", ch.reportId())
        .put("at", ch.at().toString());
  }

  private void advisory(RoutingContext ctx) {
    Principal.User user = Authenticator.user(ctx);
    String id = ctx.pathParam("id");
    if (id.length() > MAX_ADVISORY_ID) {
      throw ApiException.notFound("no advisory " + id);
    }
    blocking
        .run(
            () -> {
              String raw =
                  correlations
                      .advisoryJson(id)
                      .orElseThrow(() -> ApiException.notFound("no advisory " + id));
              CsafResult read = csaf.read(raw.getBytes(StandardCharsets.UTF_8));
              if (!(read instanceof CsafDocument doc)) {
                throw new IllegalStateException("stored advisory " + id + " no longer reads");
              }
              return AdvisoryJson.detail(
                  doc,
                  correlations.kevCves(),
                  dashboard.affected(id, user.allSites(), user.sites()));
            })
        .onSuccess(json -> ApiJson.send(ctx, 200, json))
        .onFailure(ctx::fail);
  }
}
