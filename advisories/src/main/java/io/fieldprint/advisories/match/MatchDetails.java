package io.fieldprint.advisories.match;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.Remediation;
import io.fieldprint.advisories.csaf.Vulnerability;
import io.fieldprint.advisories.match.AdvisoryMatch.Cvss;
import io.fieldprint.advisories.match.AdvisoryMatch.Fix;
import java.util.Set;

/** Scores and remediations of a matched advisory product. */
final class MatchDetails {
  private MatchDetails() {}

  /**
   * The highest CVSS v3.x score given for the product in the CVEs it is affected by, else the
   * highest v2 score; {@code null} when none.
   */
  static Cvss highestCvss(CsafDocument doc, String productId, Set<String> cves) {
    Cvss v3 = null;
    Cvss v2 = null;
    for (Vulnerability v : doc.vulnerabilities()) {
      if (!cves.contains(v.cve())) {
        continue;
      }
      for (Vulnerability.Score s : v.scoresFor(productId)) {
        v3 = higher(v3, s.cvssV3());
        v2 = higher(v2, s.cvssV2());
      }
    }
    return v3 != null ? v3 : v2;
  }

  private static Cvss higher(Cvss current, Vulnerability.Cvss candidate) {
    if (candidate == null || Double.isNaN(candidate.baseScore())) {
      return current;
    }
    if (current == null || candidate.baseScore() > current.score()) {
      return new Cvss(candidate.baseScore(), candidate.vectorString());
    }
    return current;
  }

  /**
   * The first {@code vendor_fix} remediation naming the product, with the fixed version taken from
   * the range; {@code null} when there is neither.
   */
  static Fix fix(CsafDocument doc, String productId, String fixedVersion) {
    for (Vulnerability v : doc.vulnerabilities()) {
      for (Remediation r : v.remediations()) {
        if (r.category().equals("vendor_fix") && r.productIds().contains(productId)) {
          return new Fix(
              r.category(), blankToNull(r.details()), blankToNull(r.url()), fixedVersion);
        }
      }
    }
    return fixedVersion == null ? null : new Fix(null, null, null, fixedVersion);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
