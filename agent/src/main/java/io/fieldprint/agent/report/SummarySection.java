package io.fieldprint.agent.report;

import io.fieldprint.protocols.inventory.Asset;
import io.fieldprint.protocols.inventory.InventoryFinding;
import io.fieldprint.protocols.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Site summary: devices by vendor and role, findings and matches by severity, KEV count. */
final class SummarySection {
  private static final int VENDORS_SHOWN = 15;

  private SummarySection() {}

  static void write(Xhtml x, ReportInput in, List<RemediationStep> plan) {
    List<Asset> assets = in.inventory().assets();
    long kevMatches = in.matches().stream().filter(m -> m.kevCve() != null).count();
    long kevCves =
        in.matches().stream().map(ReportMatch::kevCve).filter(Objects::nonNull).distinct().count();
    long devicesMatched =
        in.matches().stream().map(ReportMatch::assetId).filter(Objects::nonNull).distinct().count();
    x.open("section", "id", "summary").element("h2", "Summary");
    x.open("p", "class", "lead")
        .text(
            assets.size()
                + " devices, "
                + in.inventory().findings().size()
                + " posture findings, "
                + in.matches().size()
                + " advisory matches on "
                + devicesMatched
                + " devices in "
                + plan.size()
                + " remediation steps; "
                + kevMatches
                + " matches ("
                + kevCves
                + " CVEs) known exploited (CISA KEV).")
        .close();
    x.open("div", "class", "cols");
    counts(x, "Devices by vendor", byVendor(assets));
    counts(x, "Devices by role", byRole(assets));
    counts(x, "Findings by severity", findingsBySeverity(in.inventory().findings()));
    counts(x, "Matches by severity (CVSS)", matchesBySeverity(in.matches()));
    x.close().close();
  }

  private static void counts(Xhtml x, String caption, Map<String, Long> counts) {
    x.open("table", "class", "counts").element("caption", caption);
    x.open("tbody");
    if (counts.isEmpty()) {
      x.open("tr").element("td", "none").element("td", "0").close();
    }
    counts.forEach(
        (k, v) ->
            x.open("tr").element("td", k).element("td", Long.toString(v), "class", "n").close());
    x.close().close();
  }

  private static Map<String, Long> byVendor(List<Asset> assets) {
    Map<String, Long> all = new TreeMap<>();
    for (Asset a : assets) {
      all.merge(a.vendor() == null ? "unknown" : ShownValue.of(a.vendor(), 60), 1L, Long::sum);
    }
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(all.entrySet());
    sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    Map<String, Long> out = new LinkedHashMap<>();
    long others = 0;
    for (int i = 0; i < sorted.size(); i++) {
      if (i < VENDORS_SHOWN) {
        out.put(sorted.get(i).getKey(), sorted.get(i).getValue());
      } else {
        others += sorted.get(i).getValue();
      }
    }
    if (others > 0) {
      out.put((sorted.size() - VENDORS_SHOWN) + " other vendors", others);
    }
    return out;
  }

  private static Map<String, Long> byRole(List<Asset> assets) {
    Map<String, Long> out = new TreeMap<>();
    assets.forEach(
        a -> out.merge(a.role() == null ? "unknown" : a.role().jsonName(), 1L, Long::sum));
    return out;
  }

  private static Map<String, Long> findingsBySeverity(List<InventoryFinding> findings) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Severity s :
        List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
      long n = findings.stream().filter(f -> f.severity() == s).count();
      if (n > 0) {
        out.put(s.jsonName(), n);
      }
    }
    return out;
  }

  private static Map<String, Long> matchesBySeverity(List<ReportMatch> matches) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String s : List.of("critical", "high", "medium", "low", "none")) {
      long n = matches.stream().filter(m -> m.severity().equals(s)).count();
      if (n > 0) {
        out.put(s.equals("none") ? "no CVSS score" : s, n);
      }
    }
    return out;
  }
}
