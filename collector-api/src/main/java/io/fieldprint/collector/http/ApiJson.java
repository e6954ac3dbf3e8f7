package io.fieldprint.collector.http;

import io.fieldprint.collector.storage.AgentInfo;
import io.fieldprint.collector.storage.AssetDetail;
import io.fieldprint.collector.storage.AssetEvent;
import io.fieldprint.collector.storage.AssetPage;
import io.fieldprint.collector.storage.Site;
import io.fieldprint.collector.storage.StoredAsset;
import io.fieldprint.collector.storage.StoredEvidence;
import io.fieldprint.collector.storage.StoredFinding;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** The API's JSON shapes (documented in {@code openapi.yaml}), built from stored records. */
final class ApiJson {
  private ApiJson() {}

  static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .end(body.encode());
  }

  static JsonObject site(Site s) {
    return new JsonObject()
        .put("id", s.id())
        .put("name", s.name())
        .put("createdAt", s.createdAt().toString());
  }

  static JsonObject agent(AgentInfo a) {
    return new JsonObject()
        .put("id", a.id())
        .put("site", a.siteId())
        .put("name", a.name())
        .put("createdAt", a.createdAt().toString())
        .put("lastSeen", text(a.lastSeen().map(Object::toString)))
        .put("version", text(a.version()));
  }

  static JsonObject asset(StoredAsset a) {
    return new JsonObject()
        .put("uid", a.uid())
        .put("site", a.siteId())
        .put("id", a.assetId())
        .put("name", a.name().orElse(null))
        .put("vendor", a.vendor().orElse(null))
        .put("product", a.product().orElse(null))
        .put("model", a.model().orElse(null))
        .put("firmware", a.firmware().orElse(null))
        .put("hardware", a.hardware().orElse(null))
        .put("serial", a.serial().orElse(null))
        .put("role", a.role())
        .put("ip", new JsonArray(a.ip()))
        .put("mac", new JsonArray(a.mac()))
        .put("protocols", new JsonArray(a.protocols()))
        .put("firstSeen", a.firstSeen().toString())
        .put("lastSeen", a.lastSeen().toString());
  }

  static JsonObject page(AssetPage p) {
    JsonArray items = new JsonArray();
    p.items().forEach(a -> items.add(asset(a)));
    return new JsonObject()
        .put("items", items)
        .put("total", p.total())
        .put("limit", p.limit())
        .put("offset", p.offset());
  }

  static JsonObject detail(AssetDetail d) {
    JsonArray evidence = new JsonArray();
    d.evidence().forEach(e -> evidence.add(evidence(e)));
    JsonArray events = new JsonArray();
    d.events().forEach(e -> events.add(event(e)));
    JsonArray findings = new JsonArray();
    d.findings().forEach(f -> findings.add(finding(f)));
    return asset(d.asset())
        .put("evidence", evidence)
        .put("events", events)
        .put("findings", findings);
  }

  private static JsonObject evidence(StoredEvidence e) {
    return new JsonObject()
        .put("source", e.source())
        .put("origin", e.origin())
        .put("at", text(e.observedAt().map(Object::toString)))
        .put("fields", new JsonObject(e.fieldsJson()))
        .put("receivedAt", e.receivedAt().toString());
  }

  private static JsonObject event(AssetEvent e) {
    return new JsonObject()
        .put("kind", e.kind())
        .put("old", text(e.oldValue()))
        .put("new", text(e.newValue()))
        .put("agent", e.agentId())
        .put("reportId", e.reportId())
        .put("at", e.at().toString());
  }

  private static JsonObject finding(StoredFinding f) {
    return new JsonObject()
        .put("rule", f.rule())
        .put("severity", f.severity())
        .put("title", f.title())
        .put("detail", text(f.detail()))
        .put("occurrences", f.occurrences())
        .put("firstSeen", f.firstSeen().toString())
        .put("lastSeen", f.lastSeen().toString());
  }

  private static String text(Optional<String> v) {
    return v.orElse(null);
  }
}
