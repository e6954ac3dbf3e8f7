package io.fieldprint.collector.http;

import io.fieldprint.advisories.prioritise.FeedFile;
import io.fieldprint.advisories.prioritise.KevCatalog;
import io.fieldprint.advisories.prioritise.KevReader;
import io.fieldprint.collector.auth.Principal;
import io.fieldprint.collector.storage.CorrelationStore;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /kev}: an admin replaces the stored CISA KEV catalog with the body (the catalog JSON,
 * within the request body limit). A body that is not a KEV catalog leaves the stored one.
 */
final class KevRoutes {
  private final CorrelationStore store;
  private final Blocking blocking;

  KevRoutes(CorrelationStore store, Blocking blocking) {
    this.store = store;
    this.blocking = blocking;
  }

  void mount(Router api) {
    api.post("/kev").handler(this::replace);
  }

  private void replace(RoutingContext ctx) {
    Principal.User admin = Authenticator.admin(ctx);
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    blocking
        .run(
            () -> {
              FeedFile<KevCatalog> read = KevReader.read(body);
              if (read instanceof FeedFile.Rejected<KevCatalog> r) {
                throw ApiException.badRequest("not a KEV catalog: " + r.reason());
              }
              KevCatalog catalog = ((FeedFile.Parsed<KevCatalog>) read).value();
              int entries = store.replaceKev(catalog, admin.actor());
              return new JsonObject()
                  .put("catalogVersion", catalog.catalogVersion())
                  .put("entries", entries);
            })
        .onSuccess(r -> ApiJson.send(ctx, 200, r))
        .onFailure(ctx::fail);
  }
}
