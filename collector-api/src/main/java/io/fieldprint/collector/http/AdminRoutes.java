package io.fieldprint.collector.http;

import io.fieldprint.collector.auth.Principal;
import io.fieldprint.collector.auth.Role;
import io.fieldprint.collector.auth.Tokens;
import io.fieldprint.collector.storage.AuditEntry;
import io.fieldprint.collector.storage.CollectorStore;
import io.fieldprint.collector.storage.CreateResult;
import io.fieldprint.collector.storage.NewAgent;
import io.fieldprint.collector.storage.NewUser;
import io.fieldprint.collector.storage.Site;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

/** Administration: sites, agent tokens, user tokens, the audit log. Admin role only. */
final class AdminRoutes {
  private final CollectorStore store;
  private final Blocking blocking;
  private final Tokens tokens;
  private final Clock clock;

  AdminRoutes(CollectorStore store, Blocking blocking, Tokens tokens, Clock clock) {
    this.store = store;
    this.blocking = blocking;
    this.tokens = tokens;
    this.clock = clock;
  }

  void mount(Router api) {
    api.post("/sites").handler(this::createSite);
    api.post("/sites/:site/agents").handler(this::createAgent);
    api.post("/users").handler(this::createUser);
    api.get("/audit").handler(this::audit);
  }

  private void createSite(RoutingContext ctx) {
    Principal.User admin = Authenticator.admin(ctx);
    JsonObject body = RequestBodies.object(ctx);
    Site site =
        new Site(
            RequestBodies.siteId(body.getValue("id") instanceof String s ? s : null),
            RequestBodies.name(body, "name"),
            clock.instant());
    blocking
        .run(() -> store.createSite(site, admin.actor()))
        .onSuccess(
            r -> {
              if (r != CreateResult.CREATED) {
                ctx.fail(ApiException.conflict("site " + site.id() + " exists"));
              } else {
                ApiJson.send(ctx, 201, ApiJson.site(site));
              }
            })
        .onFailure(ctx::fail);
  }

  private void createAgent(RoutingContext ctx) {
    Principal.User admin = Authenticator.admin(ctx);
    String site = RequestBodies.siteId(ctx.pathParam("site"));
    String name = RequestBodies.name(RequestBodies.object(ctx), "name");
    String token = tokens.generate("fpa_");
    NewAgent agent = new NewAgent(tokens.id(), site, name, Tokens.hash(token));
    blocking
        .run(() -> store.createAgent(agent, admin.actor()))
        .onSuccess(
            r -> {
              switch (r) {
                case CREATED ->
                    ApiJson.send(
                        ctx,
                        201,
                        new JsonObject()
                            .put("id", agent.id())
                            .put("site", site)
                            .put("name", name)
                            .put("token", token));
                case NO_SUCH_SITE -> ctx.fail(ApiException.notFound("no site " + site));
                case DUPLICATE -> ctx.fail(ApiException.conflict("agent exists"));
              }
            })
        .onFailure(ctx::fail);
  }

  private void createUser(RoutingContext ctx) {
    Principal.User admin = Authenticator.admin(ctx);
    JsonObject body = RequestBodies.object(ctx);
    String name = RequestBodies.name(body, "name");
    Role role =
        Role.fromWire(body.getValue("role") instanceof String s ? s : "")
            .orElseThrow(() -> ApiException.badRequest("role must be viewer or admin"));
    boolean all = Boolean.TRUE.equals(body.getValue("allSites"));
    Set<String> sites = new LinkedHashSet<>();
    if (body.getValue("sites") instanceof JsonArray list) {
      if (list.size() > 1000) {
        throw ApiException.badRequest("at most 1000 sites");
      }
      list.forEach(s -> sites.add(RequestBodies.siteId(s instanceof String t ? t : null)));
    }
    if (!all && sites.isEmpty()) {
      throw ApiException.badRequest("give sites (a list of site ids) or allSites: true");
    }
    String token = tokens.generate("fpu_");
    NewUser user = new NewUser(tokens.id(), name, role, all, sites, Tokens.hash(token));
    blocking
        .run(() -> store.createUser(user, admin.actor()))
        .onSuccess(
            r -> {
              switch (r) {
                case CREATED ->
                    ApiJson.send(
                        ctx,
                        201,
                        new JsonObject()
                            .put("id", user.id())
                            .put("name", name)
                            .put("role", role.wire())
                            .put("token", token));
                case NO_SUCH_SITE ->
                    ctx.fail(ApiException.notFound("a listed site does not exist"));
                case DUPLICATE -> ctx.fail(ApiException.conflict("user " + name + " exists"));
              }
            })
        .onFailure(ctx::fail);
  }

  private void audit(RoutingContext ctx) {
    Authenticator.admin(ctx);
    blocking
        .run(() -> store.audit(200))
        .onSuccess(
            entries -> {
              JsonArray items = new JsonArray();
              for (AuditEntry e : entries) {
                items.add(
                    new JsonObject()
                        .put("id", e.id())
                        .put("at", e.at().toString())
                        .put("actor", e.actor())
                        .put("action", e.action())
                        .put("site", e.siteId().orElse(null))
                        .put("detail", e.detail()));
              }
              ApiJson.send(ctx, 200, new JsonObject().put("items", items));
            })
        .onFailure(ctx::fail);
  }
}
