package io.fieldprint.advisories.prioritise;

import io.fieldprint.advisories.match.AdvisoryMatch;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A match with what is known about the exploitation of its CVEs.
 *
 * @param match the match
 * @param kev the KEV entry of the first of its CVEs that is in the catalog, or {@code null}
 * @param epss the highest EPSS score among its CVEs, or {@code null} when none is scored
 */
public record PrioritisedMatch(AdvisoryMatch match, KevEntry kev, EpssScore epss) {

  /**
   * Riskiest first: known exploited first, then the higher CVSS score, then the higher EPSS score;
   * ties by asset and advisory id so the order is stable.
   */
  public static final Comparator<PrioritisedMatch> BY_RISK =
      Comparator.comparing((PrioritisedMatch p) -> p.kev() == null)
          .thenComparing(p -> -cvss(p))
          .thenComparing(p -> p.epss() == null ? 1.0 : -p.epss().epss())
          .thenComparing(p -> p.match().assetId())
          .thenComparing(p -> p.match().advisoryId());

  /** By asset, then advisory id. */
  public static final Comparator<PrioritisedMatch> BY_ASSET =
      Comparator.comparing((PrioritisedMatch p) -> p.match().assetId())
          .thenComparing(p -> p.match().advisoryId());

  /** Attaches KEV and EPSS data to a match. */
  public static PrioritisedMatch of(
      AdvisoryMatch match, Map<String, KevEntry> kev, Map<String, EpssScore> epss) {
    KevEntry known = null;
    EpssScore highest = null;
    for (String cve : match.cves()) {
      if (known == null) {
        known = kev.get(cve);
      }
      EpssScore s = epss.get(cve);
      if (s != null && (highest == null || s.epss() > highest.epss())) {
        highest = s;
      }
    }
    return new PrioritisedMatch(match, known, highest);
  }

  /**
   * The match's JSON object with {@code kev} and {@code epss} added (each {@code null} if none).
   */
  public Map<String, Object> toJson() {
    Map<String, Object> out = new TreeMap<>(match.toJson());
    if (kev == null) {
      out.put("kev", null);
    } else {
      Map<String, Object> k = new TreeMap<>();
      k.put("cve", kev.cveId());
      k.put("dateAdded", kev.dateAdded());
      k.put("dueDate", kev.dueDate());
      k.put("knownRansomwareCampaignUse", kev.knownRansomwareCampaignUse());
      out.put("kev", k);
    }
    if (epss == null) {
      out.put("epss", null);
    } else {
      Map<String, Object> e = new TreeMap<>();
      e.put("cve", epss.cve());
      e.put("score", epss.epss());
      e.put("percentile", epss.percentile());
      out.put("epss", e);
    }
    return out;
  }

  private static double cvss(PrioritisedMatch p) {
    return p.match().cvss() == null ? -1 : p.match().cvss().score();
  }

  /** The CVEs of these matches. */
  public static List<String> cves(List<AdvisoryMatch> matches) {
    return matches.stream().flatMap(m -> m.cves().stream()).distinct().toList();
  }
}
