package io.fieldprint.collector.http;

import io.fieldprint.collector.storage.CorrelationStore.Alert;
import io.fieldprint.collector.storage.CorrelationStore.StoredMatch;
import io.fieldprint.collector.storage.CorrelationStore.TriageDecision;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/** JSON shapes of matches, triage decisions and alerts (see {@code openapi.yaml}). */
final class MatchJson {
  private MatchJson() {}

  /** A match; {@code kev} is whether one of its advisory's CVEs is in {@code kevCves}. */
  static JsonObject match(StoredMatch m, Set<String> kevCves) {
    JsonObject explanation = new JsonObject(m.explanationJson());
    JsonArray cves = explanation.getJsonArray("cves", new JsonArray());
    boolean kev = cves.stream().anyMatch(kevCves::contains);
    return new JsonObject()
        .put("site", m.siteId())
        .put("asset", m.assetUid())
        .put("advisoryId", m.advisoryId())
        .put("advisoryVersion", m.advisoryVersion())
        .put("confidence", m.confidence().wire())
        .put("cvss", m.cvss().orElse(null))
        .put("tlp", m.tlp().orElse(null))
        .put("firstMatchedAt", m.firstMatchedAt().toString())
        .put("updatedAt", m.updatedAt().toString())
        .put("kev", kev)
        .put("explanation", explanation)
        .put("triage", m.triage().map(MatchJson::triage).orElse(null));
  }

  static JsonObject triage(TriageDecision d) {
    return new JsonObject()
        .put("state", d.state())
        .put("justification", d.justification().orElse(null))
        .put("note", d.note().orElse(null))
        .put("by", d.actor())
        .put("at", d.at().toString());
  }

  static JsonObject alert(Alert a) {
    return new JsonObject()
        .put("id", a.id())
        .put("site", a.siteId())
        .put("asset", a.assetUid())
        .put("advisoryId", a.advisoryId())
        .put("advisoryVersion", a.advisoryVersion())
        .put("kind", a.kind())
        .put("confidence", a.confidence().wire())
        .put("cvss", a.cvss().orElse(null))
        .put("tlp", a.tlp().orElse(null))
        .put("title", a.title())
        .put("createdAt", a.createdAt().toString())
        .put("ackedAt", a.ackedAt().map(Object::toString).orElse(null))
        .put("ackedBy", a.ackedBy().orElse(null));
  }
}
