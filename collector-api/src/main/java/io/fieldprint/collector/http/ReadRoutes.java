package io.fieldprint.collector.http;

import io.fieldprint.collector.auth.Principal;
import io.fieldprint.collector.config.RequestLimits;
import io.fieldprint.collector.storage.AssetQuery;
import io.fieldprint.collector.storage.CollectorStore;
import io.fieldprint.collector.storage.CorrelationStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;

/**
 * Reading sites and assets, for viewers and admins within their site scope. A site outside the
 * caller's scope answers 403 whether or not it exists; an asset outside it answers 404.
 */
final class ReadRoutes {
  private static final int DEFAULT_PAGE = 100;

  private final CollectorStore store;
  private final CorrelationStore correlations;
  private final Blocking blocking;
  private final RequestLimits limits;

  ReadRoutes(
      CollectorStore store,
      CorrelationStore correlations,
      Blocking blocking,
      RequestLimits limits) {
    this.store = store;
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
    AssetQuery query =
        new AssetQuery(
            filter(ctx, "vendor"),
            filter(ctx, "role"),
            number(ctx, "limit", DEFAULT_PAGE, 1, limits.maxPageSize()),
            number(ctx, "offset", 0, 0, Integer.MAX_VALUE));
    blocking
        .run(
            () -> {
              if (store.site(site).isEmpty()) {
                throw ApiException.notFound("no site " + site);
              }
              return store.assets(site, query);
            })
        .onSuccess(page -> ApiJson.send(ctx, 200, ApiJson.page(page)))
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

  private static Optional<String> filter(RoutingContext ctx, String name) {
    String v = ctx.queryParams().get(name);
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    if (v.length() > 200) {
      throw ApiException.badRequest(name + " is longer than 200 characters");
    }
    return Optional.of(v);
  }

  private static int number(RoutingContext ctx, String name, int fallback, int min, int max) {
    String v = ctx.queryParams().get(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw ApiException.badRequest(name + " must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a whole number");
    }
  }
}
