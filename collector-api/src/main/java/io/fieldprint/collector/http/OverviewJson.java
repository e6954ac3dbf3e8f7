package io.fieldprint.collector.http;

import io.fieldprint.collector.storage.DashboardStore.Count;
import io.fieldprint.collector.storage.DashboardStore.MatchedDevice;
import io.fieldprint.collector.storage.DashboardStore.SiteOverview;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The JSON of a site overview ({@code openapi.yaml}, {@code SiteOverview}). */
final class OverviewJson {
  private OverviewJson() {}

  static JsonObject overview(String site, SiteOverview o) {
    JsonArray severities = new JsonArray();
    o.bySeverity()
        .forEach(
            s ->
                severities.add(
                    new JsonObject()
                        .put("severity", s.severity())
                        .put("devices", s.devices())
                        .put("kevDevices", s.kevDevices())));
    JsonArray top = new JsonArray();
    o.topMatched().forEach(d -> top.add(device(d)));
    JsonArray findings = new JsonArray();
    o.findingsBySeverity()
        .forEach(
            f ->
                findings.add(
                    new JsonObject()
                        .put("severity", f.severity())
                        .put("findings", f.findings())
                        .put("devices", f.devices())));
    JsonArray rules = new JsonArray();
    o.topFindings()
        .forEach(
            r ->
                rules.add(
                    new JsonObject()
                        .put("rule", r.rule())
                        .put("severity", r.severity())
                        .put("title", r.title())
                        .put("devices", r.devices())));
    return new JsonObject()
        .put("site", site)
        .put("assets", o.assets())
        .put("byRole", counts(o.byRole(), "role"))
        .put("topVendors", counts(o.topVendors(), "vendor"))
        .put(
            "matches",
            new JsonObject()
                .put("devices", o.matchedDevices())
                .put("kevDevices", o.kevDevices())
                .put("bySeverity", severities)
                .put("topDevices", top))
        .put("findings", new JsonObject().put("bySeverity", findings).put("topRules", rules))
        .put("openAlerts", o.openAlerts());
  }

  private static JsonArray counts(java.util.List<Count> counts, String key) {
    JsonArray out = new JsonArray();
    counts.forEach(
        c -> out.add(new JsonObject().put(key, c.key().orElse(null)).put("count", c.count())));
    return out;
  }

  private static JsonObject device(MatchedDevice d) {
    return new JsonObject()
        .put("uid", d.uid())
        .put("name", d.name().orElse(null))
        .put("vendor", d.vendor().orElse(null))
        .put("model", d.model().orElse(null))
        .put("firmware", d.firmware().orElse(null))
        .put("advisories", d.advisories())
        .put("maxCvss", d.maxCvss().orElse(null))
        .put("kev", d.kev());
  }
}
