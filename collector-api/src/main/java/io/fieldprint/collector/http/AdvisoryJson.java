package io.fieldprint.collector.http;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.Remediation;
import io.fieldprint.advisories.csaf.Vulnerability;
import io.fieldprint.collector.storage.DashboardStore.AffectedAsset;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The advisory page's JSON: a stored CSAF document's summary, its CVEs with scores, KEV flags and
 * remediations, and the devices it affects (see {@code openapi.yaml}, {@code AdvisoryDetail}).
 */
final class AdvisoryJson {
  /** Most vulnerabilities, remediations per vulnerability and references listed. */
  static final int MAX_LISTED = 200;

  private AdvisoryJson() {}

  static JsonObject detail(CsafDocument d, Set<String> kevCves, List<AffectedAsset> affected) {
    JsonArray vulnerabilities = new JsonArray();
    d.vulnerabilities().stream()
        .limit(MAX_LISTED)
        .forEach(v -> vulnerabilities.add(vulnerability(v, kevCves)));
    JsonArray references = new JsonArray();
    d.references().stream()
        .limit(MAX_LISTED)
        .forEach(
            r -> references.add(new JsonObject().put("summary", r.summary()).put("url", r.url())));
    JsonArray devices = new JsonArray();
    affected.forEach(a -> devices.add(affected(a)));
    return new JsonObject()
        .put("trackingId", d.tracking().id())
        .put("version", d.tracking().version())
        .put("title", d.title())
        .put("publisher", d.publisher() == null ? null : d.publisher().name())
        .put("tlp", d.tlpLabel())
        .put("initialReleaseDate", time(d.tracking().initialReleaseDate()))
        .put("currentReleaseDate", time(d.tracking().currentReleaseDate()))
        .put("summary", summary(d))
        .put("vulnerabilities", vulnerabilities)
        .put("references", references)
        .put("affected", devices);
  }

  private static String summary(CsafDocument d) {
    StringBuilder out = new StringBuilder();
    for (CsafDocument.Note n : d.notes()) {
      if ("summary".equals(n.category()) && n.text() != null) {
        out.append(out.length() == 0 ? "" : "\n\n").append(n.text());
      }
    }
    return out.length() == 0 ? null : out.toString();
  }

  private static JsonObject vulnerability(Vulnerability v, Set<String> kevCves) {
    Vulnerability.Cvss best = null;
    for (Vulnerability.Score s : v.scores()) {
      if (s.cvssV3() != null && (best == null || s.cvssV3().baseScore() > best.baseScore())) {
        best = s.cvssV3();
      }
    }
    Set<String> seen = new LinkedHashSet<>();
    JsonArray remediations = new JsonArray();
    for (Remediation r : v.remediations()) {
      String key = r.category() + "\u0000" + r.details() + "\u0000" + r.url();
      if (seen.add(key) && remediations.size() < MAX_LISTED) {
        remediations.add(
            new JsonObject()
                .put("category", r.category())
                .put("details", r.details())
                .put("url", r.url()));
      }
    }
    String cve = v.cve() == null || v.cve().isEmpty() ? null : v.cve();
    return new JsonObject()
        .put("cve", cve)
        .put("title", v.title() == null || v.title().isEmpty() ? null : v.title())
        .put("cwe", v.cwe() == null ? null : v.cwe().id())
        .put("cvss", best == null ? null : best.baseScore())
        .put("vector", best == null ? null : best.vectorString())
        .put("kev", cve != null && kevCves.contains(cve))
        .put("remediations", remediations);
  }

  private static JsonObject affected(AffectedAsset a) {
    return new JsonObject()
        .put("uid", a.uid())
        .put("site", a.siteId())
        .put("name", a.name().orElse(null))
        .put("vendor", a.vendor().orElse(null))
        .put("model", a.model().orElse(null))
        .put("firmware", a.firmware().orElse(null))
        .put("role", a.role())
        .put("confidence", a.confidence())
        .put("cvss", a.cvss().orElse(null))
        .put("triage", a.triageState().orElse(null));
  }

  private static String time(Instant t) {
    return t == null ? null : t.toString();
  }
}
