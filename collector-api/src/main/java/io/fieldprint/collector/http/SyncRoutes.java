package io.fieldprint.collector.http;

import io.fieldprint.collector.sync.SyncRun;
import io.fieldprint.collector.sync.SyncRuns;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The advisory sync's runs, newest first (admin). */
final class SyncRoutes {
  private final SyncRuns runs;
  private final Blocking blocking;

  SyncRoutes(SyncRuns runs, Blocking blocking) {
    this.runs = runs;
    this.blocking = blocking;
  }

  void mount(Router api) {
    api.get("/advisories/sync-runs").handler(this::runs);
  }

  private void runs(RoutingContext ctx) {
    Authenticator.admin(ctx);
    int limit = limit(ctx.queryParams().get("limit"));
    blocking
        .run(() -> runs.recent(limit))
        .onSuccess(
            list -> {
              JsonArray items = new JsonArray();
              list.forEach(r -> items.add(json(r)));
              ApiJson.send(ctx, 200, new JsonObject().put("items", items));
            })
        .onFailure(ctx::fail);
  }

  private static int limit(String text) {
    if (text == null) {
      return 50;
    }
    try {
      int n = Integer.parseInt(text);
      if (n >= 1 && n <= 500) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest("limit must be a whole number between 1 and 500");
  }

  private static JsonObject json(SyncRun r) {
    JsonArray rejections = new JsonArray();
    r.rejections()
        .forEach(
            x -> rejections.add(new JsonObject().put("url", x.url()).put("reason", x.reason())));
    return new JsonObject()
        .put("id", r.id())
        .put("provider", r.provider())
        .put("runner", r.runner())
        .put("startedAt", r.startedAt().toString())
        .put("finishedAt", r.finishedAt().toString())
        .put("listed", r.listed())
        .put("fetched", r.fetched())
        .put("added", r.added())
        .put("changed", r.changed())
        .put("unchanged", r.unchanged())
        .put("rejected", r.rejected())
        .put("errors", new JsonArray(r.errors()))
        .put("rejections", rejections);
  }
}
