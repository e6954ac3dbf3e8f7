package io.fieldprint.collector.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldprint.collector.auth.Principal;
import io.fieldprint.collector.correlation.AdvisoryImporter;
import io.fieldprint.collector.storage.CorrelationStore;
import io.fieldprint.collector.storage.CorrelationStore.TriageDecision;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Advisories (admin import), matches and triage, alerts and their dead letters. Reads are scoped to
 * the caller's sites; triage needs the admin role and access to the site.
 */
final class CorrelationRoutes {
  static final Set<String> STATES =
      Set.of("affected", "not_affected", "fixed", "under_investigation");
  static final Set<String> JUSTIFICATIONS =
      Set.of(
          "component_not_present",
          "vulnerable_code_not_present",
          "vulnerable_code_not_in_execute_path",
          "vulnerable_code_cannot_be_controlled_by_adversary",
          "inline_mitigations_already_exist");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CorrelationStore store;
  private final AdvisoryImporter importer;
  private final Blocking blocking;
  private final int maxBatch;
  private final Clock clock;

  CorrelationRoutes(
      CorrelationStore store,
      AdvisoryImporter importer,
      Blocking blocking,
      int maxBatch,
      Clock clock) {
    this.store = store;
    this.importer = importer;
    this.blocking = blocking;
    this.maxBatch = maxBatch;
    this.clock = clock;
  }

  void mount(Router api) {
    api.post("/advisories").handler(this::importAdvisories);
    api.get("/advisories").handler(this::advisories);
    api.get("/advisories/rejections").handler(this::rejections);
    api.get("/sites/:site/matches").handler(this::matches);
    api.put("/sites/:site/assets/:uid/matches/:advisory/triage").handler(this::triage);
    api.get("/alerts/dead-letters").handler(this::deadLetters);
    api.get("/alerts").handler(this::alerts);
    api.post("/alerts/:id/ack").handler(this::ack);
  }

  private void importAdvisories(RoutingContext ctx) {
    Principal.User admin = Authenticator.admin(ctx);
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    blocking
        .run(
            () -> {
              JsonArray items = new JsonArray();
              for (byte[] doc : documents(body)) {
                AdvisoryImporter.Outcome o = importer.importDocument(doc, "api", admin.actor());
                items.add(
                    new JsonObject()
                        .put("trackingId", o.trackingId().orElse(null))
                        .put("result", o.result())
                        .put("reason", o.reason().isEmpty() ? null : o.reason()));
              }
              return new JsonObject().put("items", items);
            })
        .onSuccess(r -> ApiJson.send(ctx, 200, r))
        .onFailure(ctx::fail);
  }

  private void advisories(RoutingContext ctx) {
    Authenticator.user(ctx);
    blocking
        .run(store::advisories)
        .onSuccess(
            list -> {
              JsonArray items = new JsonArray();
              list.forEach(
                  a ->
                      items.add(
                          new JsonObject()
                              .put("trackingId", a.trackingId())
                              .put("version", a.version())
                              .put(
                                  "currentReleaseDate",
                                  a.currentReleaseDate().map(Object::toString).orElse(null))
                              .put("title", a.title())
                              .put("tlp", a.tlp().orElse(null))
                              .put("importedAt", a.importedAt().toString())));
              ApiJson.send(ctx, 200, new JsonObject().put("items", items));
            })
        .onFailure(ctx::fail);
  }

  private void rejections(RoutingContext ctx) {
    Authenticator.admin(ctx);
    blocking
        .run(() -> store.rejections(200))
        .onSuccess(
            list -> {
              JsonArray items = new JsonArray();
              list.forEach(
                  r ->
                      items.add(
                          new JsonObject()
                              .put("trackingId", r.trackingId().orElse(null))
                              .put("source", r.source())
                              .put("sha256", r.sha256())
                              .put("reason", r.reason())
                              .put("at", r.at().toString())));
              ApiJson.send(ctx, 200, new JsonObject().put("items", items));
            })
        .onFailure(ctx::fail);
  }

  /** One document as its exact bytes, or the elements of an array (re-serialised). */
  private List<byte[]> documents(byte[] body) {
    int i = 0;
    while (i < body.length && Character.isWhitespace(body[i])) {
      i++;
    }
    if (i == body.length || (body[i] != '[' && body[i] != '{')) {
      throw ApiException.badRequest("body must be a CSAF document or an array of them");
    }
    if (body[i] == '{') {
      return List.of(body);
    }
    try {
      JsonNode array = JSON.readTree(body);
      if (array.size() > maxBatch) {
        throw new ApiException(
            413, "payload_too_large", "at most " + maxBatch + " documents per request");
      }
      List<byte[]> out = new ArrayList<>();
      for (JsonNode n : array) {
        out.add(JSON.writeValueAsBytes(n));
      }
      return out;
    } catch (IOException e) {
      throw ApiException.badRequest("body is not valid JSON");
    }
  }

  private void matches(RoutingContext ctx) {
    String site = readableSite(ctx);
    int limit = page(ctx, "limit", 100, 1000);
    int offset = page(ctx, "offset", 0, Integer.MAX_VALUE);
    blocking
        .run(
            () -> {
              Set<String> kev = store.kevCves();
              JsonArray items = new JsonArray();
              store.matches(site, limit, offset).forEach(m -> items.add(MatchJson.match(m, kev)));
              return new JsonObject().put("items", items);
            })
        .onSuccess(json -> ApiJson.send(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private void triage(RoutingContext ctx) {
    Principal.User admin = Authenticator.admin(ctx);
    String site = RequestBodies.siteId(ctx.pathParam("site"));
    if (!admin.canRead(site)) {
      throw ApiException.forbidden("no access to site " + site);
    }
    String uid = ctx.pathParam("uid");
    String advisory = ctx.pathParam("advisory");
    JsonObject body = RequestBodies.object(ctx);
    String state = body.getValue("state") instanceof String s ? s : "";
    if (!STATES.contains(state)) {
      throw ApiException.badRequest("state must be one of " + String.join(", ", STATES));
    }
    Optional<String> justification =
        Optional.ofNullable(body.getValue("justification") instanceof String s ? s : null);
    if (justification.isPresent() && !JUSTIFICATIONS.contains(justification.get())) {
      throw ApiException.badRequest("justification must be a CSAF/VEX justification label");
    }
    if (state.equals("not_affected") && justification.isEmpty()) {
      throw ApiException.badRequest("not_affected needs a justification");
    }
    Optional<String> note =
        Optional.ofNullable(body.getValue("note") instanceof String s ? s : null);
    if (note.isPresent() && note.get().length() > 2000) {
      throw ApiException.badRequest("note is longer than 2000 characters");
    }
    TriageDecision decision =
        new TriageDecision(state, justification, note, admin.actor(), clock.instant());
    blocking
        .run(
            () -> {
              boolean inSite =
                  store.assetMatches(uid).stream().anyMatch(m -> m.siteId().equals(site));
              return inSite && store.triage(uid, advisory, decision, admin.actor());
            })
        .onSuccess(
            saved -> {
              if (!saved) {
                ctx.fail(ApiException.notFound("no match of " + advisory + " on asset " + uid));
              } else {
                ApiJson.send(ctx, 200, MatchJson.triage(decision));
              }
            })
        .onFailure(ctx::fail);
  }

  private void alerts(RoutingContext ctx) {
    Principal.User user = Authenticator.user(ctx);
    String site = RequestBodies.siteId(ctx.queryParams().get("site"));
    if (!user.canRead(site)) {
      throw ApiException.forbidden("no access to site " + site);
    }
    int limit = page(ctx, "limit", 100, 1000);
    int offset = page(ctx, "offset", 0, Integer.MAX_VALUE);
    blocking
        .run(() -> store.alerts(site, limit, offset))
        .onSuccess(
            list -> {
              JsonArray items = new JsonArray();
              list.forEach(a -> items.add(MatchJson.alert(a)));
              ApiJson.send(ctx, 200, new JsonObject().put("items", items));
            })
        .onFailure(ctx::fail);
  }

  private void ack(RoutingContext ctx) {
    Principal.User user = Authenticator.user(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiException.notFound("no alert " + ctx.pathParam("id"));
    }
    blocking
        .run(
            () -> {
              var alert = store.alert(id).filter(a -> user.canRead(a.siteId()));
              if (alert.isEmpty()) {
                throw ApiException.notFound("no alert " + id);
              }
              store.acknowledge(id, user.actor());
              return store.alert(id).orElseThrow();
            })
        .onSuccess(a -> ApiJson.send(ctx, 200, MatchJson.alert(a)))
        .onFailure(ctx::fail);
  }

  private void deadLetters(RoutingContext ctx) {
    Principal.User admin = Authenticator.admin(ctx);
    Optional<String> site =
        Optional.ofNullable(ctx.queryParams().get("site")).map(RequestBodies::siteId);
    if (site.isPresent() ? !admin.canRead(site.get()) : !admin.allSites()) {
      throw ApiException.forbidden("dead letters of all sites need an all-sites admin");
    }
    blocking
        .run(() -> store.deadLetters(site, 200))
        .onSuccess(
            list -> {
              JsonArray items = new JsonArray();
              list.forEach(
                  d ->
                      items.add(
                          new JsonObject()
                              .put("outboxId", d.outboxId())
                              .put("alertId", d.alertId())
                              .put("site", d.siteId())
                              .put("advisoryId", d.advisoryId())
                              .put("destination", d.destination())
                              .put("attempts", d.attempts())
                              .put("lastError", d.lastError())));
              ApiJson.send(ctx, 200, new JsonObject().put("items", items));
            })
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

  private static int page(RoutingContext ctx, String name, int fallback, int max) {
    String v = ctx.queryParams().get(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < 0 || n > max) {
        throw ApiException.badRequest(name + " must be between 0 and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a whole number");
    }
  }
}
