package io.fieldprint.collector.http;

import io.fieldprint.collector.auth.Principal;
import io.fieldprint.collector.config.RequestLimits;
import io.fieldprint.collector.storage.AssetPage;
import io.fieldprint.collector.storage.AssetQuery;
import io.fieldprint.collector.storage.CollectorStore;
import io.fieldprint.collector.storage.CorrelationStore;
import io.fieldprint.collector.storage.DashboardStore;
import io.fieldprint.collector.storage.DashboardStore.AssetSummary;
import io.fieldprint.collector.storage.StoredAsset;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;

/**
 * Reading sites and assets, for viewers and admins within their site scope. A site outside the
 * caller's scope answers 403 whether or not it exists; an asset outside it answers 404.
 */
final class ReadRoutes {
  private final CollectorStore store;
  private final CorrelationStore correlations;
  private final Blocking blocking;
  private final RequestLimits limits;
  private final DashboardStore dashboard;

  ReadRoutes(
      CollectorStore store,
      CorrelationStore correlations,
      Blocking blocking,
      RequestLimits limits,
      DashboardStore dashboard) {
    this.store = store;
    this.dashboard = dashboard;
    this.correlations = correlations;
    this.blocking = blocking;
    this.limits = limits;
  }

  void mount(Router api) {
    api.get("/sites").handler(this::sites);
    api.get("/sites/:site").handler(this::site);
    api.get("/sites/:site/assets").handler(this::assets);
    api.get("/sites/:site/agents").handler(this::agents);
    api.get("/assets/:uid").handler(this::asset);
  }

  private void sites(RoutingContext ctx) {
    Principal.User user = Authenticator.user(ctx);
    blocking
        .run(store::sites)
        .onSuccess(
            all -> {
              JsonArray items = new JsonArray();
              all.stream()
                  .filter(s -> user.canRead(s.id()))
                  .forEach(s -> items.add(ApiJson.site(s)));
              ApiJson.send(ctx, 200, new JsonObject().put("items", items));
            })
        .onFailure(ctx::fail);
  }

  private void site(RoutingContext ctx) {
    String site = readableSite(ctx);
    blocking
        .run(() -> store.site(site))
        .onSuccess(
            found -> {
              if (found.isEmpty()) {
                ctx.fail(ApiException.notFound("no site " + site));
              } else {
                ApiJson.send(ctx, 200, ApiJson.site(found.get()));
              }
            })
        .onFailure(ctx::fail);
  }

  private void assets(RoutingContext ctx) {
    String site = readableSite(ctx);
    AssetQuery query = AssetListing.query(ctx, limits);
    blocking
        .run(
            () -> {
              if (store.site(site).isEmpty()) {
                throw ApiException.notFound("no site " + site);
              }
              AssetPage page = store.assets(site, query);
              Map<String, AssetSummary> summaries =
                  dashboard.summaries(site, page.items().stream().map(StoredAsset::uid).toList());
              JsonObject json = ApiJson.page(page);
              json.getJsonArray("items").stream()
                  .map(JsonObject.class::cast)
                  .forEach(
                      item -> {
                        AssetSummary s = summaries.get(item.getString("uid"));
                        item.put(
                            "summary",
                            s == null ? AssetListing.noSummary() : AssetListing.summary(s));
                      });
              return json;
            })
        .onSuccess(json -> ApiJson.send(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private void agents(RoutingContext ctx) {
    String site = readableSite(ctx);
    blocking
        .run(
            () -> {
              if (store.site(site).isEmpty()) {
                throw ApiException.notFound("no site " + site);
              }
              return store.agents(site);
            })
        .onSuccess(
            agents -> {
              JsonArray items = new JsonArray();
              agents.forEach(a -> items.add(ApiJson.agent(a)));
              ApiJson.send(ctx, 200, new JsonObject().put("items", items));
            })
        .onFailure(ctx::fail);
  }

  private void asset(RoutingContext ctx) {
    Principal.User user = Authenticator.user(ctx);
    String uid = ctx.pathParam("uid");
    if (uid.length() > 64) {
      throw ApiException.notFound("no asset " + uid);
    }
    blocking
        .run(
            () -> {
              var found = store.asset(uid).filter(d -> user.canRead(d.asset().siteId()));
              if (found.isEmpty()) {
                throw ApiException.notFound("no asset " + uid);
              }
              JsonArray matches = new JsonArray();
              Set<String> kev = correlations.kevCves();
              correlations.assetMatches(uid).forEach(m -> matches.add(MatchJson.match(m, kev)));
              return ApiJson.detail(found.get()).put("matches", matches);
            })
        .onSuccess(json -> ApiJson.send(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private static String readableSite(RoutingContext ctx) {
    Principal.User user = Authenticator.user(ctx);
    String site = RequestBodies.siteId(ctx.pathParam("site"));
    if (!user.canRead(site)) {
      throw ApiException.forbidden("no access to site " + site);
    }
    return site;
  }
}
