package io.fieldprint.collector.export;

import io.fieldprint.collector.storage.CorrelationStore;
import io.fieldprint.collector.storage.CorrelationStore.StoredMatch;
import io.fieldprint.collector.storage.CorrelationStore.TriageDecision;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code matches.csv}: every current match of a site ordered by asset then advisory, with the
 * advisory's CVEs (space-separated), highest CVSS, KEV flag, confidence, triage decision and
 * remediation (first fixed version, category, text, link).
 */
public final class MatchCsv implements ExportPager {
  public static final List<String> HEADER =
      List.of(
          "assetUid",
          "assetId",
          "advisoryId",
          "advisoryVersion",
          "title",
          "cves",
          "cvss",
          "cvssVector",
          "kev",
          "confidence",
          "triageState",
          "justification",
          "triageNote",
          "triagedBy",
          "triagedAt",
          "fixedVersion",
          "remediationCategory",
          "remediation",
          "remediationUrl",
          "firstMatchedAt",
          "updatedAt");

  private final CorrelationStore correlations;
  private final String siteId;
  private final int pageSize;
  private Set<String> kevCves;
  private int offset = -1;
  private boolean done;

  public MatchCsv(CorrelationStore correlations, String siteId, int pageSize) {
    this.correlations = correlations;
    this.siteId = siteId;
    this.pageSize = pageSize;
  }

  @Override
  public Optional<byte[]> next() {
    if (done) {
      return Optional.empty();
    }
    if (offset < 0) {
      offset = 0;
      kevCves = correlations.kevCves();
      return Optional.of(CsvRow.of(HEADER).getBytes(StandardCharsets.UTF_8));
    }
    List<StoredMatch> page = correlations.matches(siteId, pageSize, offset);
    offset += page.size();
    done = page.size() < pageSize;
    StringBuilder out = new StringBuilder();
    page.forEach(m -> out.append(CsvRow.of(row(m))));
    return page.isEmpty()
        ? Optional.empty()
        : Optional.of(out.toString().getBytes(StandardCharsets.UTF_8));
  }

  private List<String> row(StoredMatch m) {
    MatchExplanation e = MatchExplanation.parse(m.explanationJson());
    Optional<TriageDecision> t = m.triage();
    List<String> cells = new ArrayList<>(HEADER.size());
    cells.add(m.assetUid());
    cells.add(e.assetId().orElse(null));
    cells.add(m.advisoryId());
    cells.add(m.advisoryVersion());
    cells.add(e.title().orElse(null));
    cells.add(String.join(" ", e.cves()));
    cells.add(m.cvss().or(e::cvssScore).map(Object::toString).orElse(null));
    cells.add(e.cvssVector().orElse(null));
    cells.add(Boolean.toString(e.kev(kevCves)));
    cells.add(m.confidence().wire());
    cells.add(t.map(TriageDecision::state).orElse(null));
    cells.add(t.flatMap(TriageDecision::justification).orElse(null));
    cells.add(t.flatMap(TriageDecision::note).orElse(null));
    cells.add(t.map(TriageDecision::actor).orElse(null));
    cells.add(t.map(d -> d.at().toString()).orElse(null));
    cells.add(e.fixedVersion().orElse(null));
    cells.add(e.remediationCategory().orElse(null));
    cells.add(e.remediationDetails().orElse(null));
    cells.add(e.remediationUrl().orElse(null));
    cells.add(m.firstMatchedAt().toString());
    cells.add(m.updatedAt().toString());
    return cells;
  }
}
