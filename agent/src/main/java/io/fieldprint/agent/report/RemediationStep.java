package io.fieldprint.agent.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the remediation plan: an advisory product and its fix, with every device it was
 * matched to.
 *
 * @param advisoryId CSAF tracking id
 * @param product the advisory product
 * @param matches the matches of this advisory product, one per device, strongest confidence first
 */
public record RemediationStep(String advisoryId, String product, List<ReportMatch> matches) {

  /**
   * Riskiest first: any CVE in CISA KEV, then the highest CVSS score, then the highest EPSS
   * probability (the order {@code fieldprint match --sort risk} uses); ties by advisory id and
   * product.
   */
  public static final Comparator<RemediationStep> BY_RISK =
      Comparator.comparing((RemediationStep s) -> s.kevCve() == null)
          .thenComparing(s -> -orMinus(s.cvss()))
          .thenComparing(s -> -orMinus(s.epss()))
          .thenComparing(s -> Objects.toString(s.advisoryId(), ""))
          .thenComparing(s -> Objects.toString(s.product(), ""));

  public RemediationStep {
    matches = List.copyOf(matches);
  }

  /** Groups matches by advisory and product, riskiest group first. */
  public static List<RemediationStep> plan(List<ReportMatch> matches) {
    Map<List<String>, List<ReportMatch>> groups = new LinkedHashMap<>();
    for (ReportMatch m : matches) {
      List<String> key = new ArrayList<>();
      key.add(Objects.toString(m.advisoryId(), ""));
      key.add(Objects.toString(m.product(), ""));
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
    }
    List<RemediationStep> out = new ArrayList<>();
    groups.forEach(
        (k, ms) -> {
          ms.sort(
              Comparator.comparingInt(ReportMatch::confidenceRank)
                  .thenComparing(m -> Objects.toString(m.assetId(), "")));
          out.add(new RemediationStep(ms.get(0).advisoryId(), ms.get(0).product(), ms));
        });
    out.sort(BY_RISK);
    return out;
  }

  /** The first match (strongest confidence). */
  public ReportMatch lead() {
    return matches.get(0);
  }

  /** A KEV-listed CVE of any match, or {@code null}. */
  public String kevCve() {
    return matches.stream()
        .map(ReportMatch::kevCve)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  /** The highest CVSS score, or {@code null}. */
  public Double cvss() {
    return matches.stream()
        .map(ReportMatch::cvss)
        .filter(Objects::nonNull)
        .max(Double::compare)
        .orElse(null);
  }

  /** The highest EPSS probability, or {@code null}. */
  public Double epss() {
    return matches.stream()
        .map(ReportMatch::epss)
        .filter(Objects::nonNull)
        .max(Double::compare)
        .orElse(null);
  }

  private static double orMinus(Double d) {
    return d == null ? -1 : d;
  }
}
