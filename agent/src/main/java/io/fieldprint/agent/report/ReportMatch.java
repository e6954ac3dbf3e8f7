package io.fieldprint.agent.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One advisory match as the report shows it, read from the inventory's {@code matches[]} object
 * form (written by {@code fieldprint match}, or produced by a match run for the report). Missing or
 * mistyped fields become {@code null} or empty: the inventory is untrusted input.
 *
 * @param assetId the asset
 * @param advisoryId CSAF tracking id
 * @param title advisory title
 * @param cves CVE ids
 * @param cvss highest CVSS base score, or {@code null}
 * @param product the advisory product matched
 * @param confidence {@code high}, {@code medium} or {@code low} (or what the file said)
 * @param reason why the match was made
 * @param firmwareRule the firmware compared with the advisory's version rule, one line, or {@code
 *     null}
 * @param fixedVersion first fixed version, or {@code null}
 * @param remediation remediation text, or {@code null}
 * @param remediationUrl the advisory's remediation link (shown as text), or {@code null}
 * @param kevCve the CVE of the match listed in CISA KEV, or {@code null}
 * @param kevDueDate its KEV due date, or {@code null}
 * @param kevRansomware KEV's known ransomware campaign use, or {@code null}
 * @param epss highest EPSS probability, or {@code null}
 */
public record ReportMatch(
    String assetId,
    String advisoryId,
    String title,
    List<String> cves,
    Double cvss,
    String product,
    String confidence,
    String reason,
    String firmwareRule,
    String fixedVersion,
    String remediation,
    String remediationUrl,
    String kevCve,
    String kevDueDate,
    String kevRansomware,
    Double epss) {

  public ReportMatch {
    cves = List.copyOf(cves);
  }

  /** Reads the JSON object form of a match ({@code $defs/match}). */
  public static ReportMatch fromJson(Object json) {
    Map<?, ?> m = json instanceof Map<?, ?> map ? map : Map.of();
    Map<?, ?> conf = object(m.get("confidence"));
    Map<?, ?> fix = object(m.get("remediation"));
    Map<?, ?> kev = object(m.get("kev"));
    Map<?, ?> rule = object(m.get("versionRule"));
    return new ReportMatch(
        text(m.get("assetId")),
        text(m.get("advisoryId")),
        text(m.get("title")),
        strings(m.get("cves")),
        number(object(m.get("cvss")).get("score")),
        text(m.get("product")),
        text(conf.get("level")),
        text(conf.get("reason")),
        ruleText(rule),
        text(fix.get("fixedVersion")),
        text(fix.get("details")),
        text(fix.get("url")),
        text(kev.get("cve")),
        text(kev.get("dueDate")),
        text(kev.get("knownRansomwareCampaignUse")),
        number(object(m.get("epss")).get("score")));
  }

  /** The confidence level's rank: 0 high, 1 medium, 2 low, 3 anything else. */
  public int confidenceRank() {
    return switch (confidence == null ? "" : confidence) {
      case "high" -> 0;
      case "medium" -> 1;
      case "low" -> 2;
      default -> 3;
    };
  }

  /** Severity band of the CVSS score: critical, high, medium, low, or none when unscored. */
  public String severity() {
    if (cvss == null || cvss <= 0) {
      return "none";
    }
    return cvss >= 9 ? "critical" : cvss >= 7 ? "high" : cvss >= 4 ? "medium" : "low";
  }

  private static String ruleText(Map<?, ?> rule) {
    if (rule.isEmpty()) {
      return null;
    }
    String firmware = text(rule.get("firmware"));
    String range = text(rule.get("range"));
    String result = text(rule.get("result"));
    return (firmware == null ? "firmware unknown" : firmware)
        + " vs "
        + (range == null ? text(rule.get("text")) : range)
        + (result == null ? "" : ": " + result);
  }

  private static Map<?, ?> object(Object o) {
    return o instanceof Map<?, ?> map ? map : Map.of();
  }

  private static String text(Object o) {
    return o == null || o instanceof Map<?, ?> || o instanceof List<?> ? null : o.toString();
  }

  private static Double number(Object o) {
    return o instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
  }

  private static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    if (o instanceof List<?> list) {
      list.stream().map(ReportMatch::text).filter(s -> s != null).forEach(out::add);
    }
    return out;
  }
}
