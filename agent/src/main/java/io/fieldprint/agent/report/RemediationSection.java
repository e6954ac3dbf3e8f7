package io.fieldprint.agent.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The remediation plan: one row per advisory product, riskiest first (KEV, CVSS, EPSS). */
final class RemediationSection {
  private static final int DEVICES_PER_STEP = 25;

  private RemediationSection() {}

  static void write(Xhtml x, List<RemediationStep> plan, AssetLabels labels, ReportLimits limits) {
    x.open("section", "id", "remediation").element("h2", "Remediation plan");
    x.element(
        "p",
        "Ordered by risk: advisories with a CVE in CISA's Known Exploited Vulnerabilities"
            + " catalog first, then by the highest CVSS base score, then by the highest EPSS"
            + " probability. Each row is one advisory product; the devices it was matched to are"
            + " listed with the confidence of the match and why.");
    if (plan.isEmpty()) {
      x.element("p", "No advisory matches.", "class", "none").close();
      return;
    }
    x.open("table", "class", "plan")
        .head(
            List.of("#", "Advisory", "CVEs", "Risk", "Devices", "Fix", "Confidence"),
            4,
            22,
            12,
            11,
            17,
            16,
            18)
        .open("tbody");
    int n = 1;
    for (RemediationStep step : plan) {
      row(x, n++, step, labels, limits);
    }
    x.close().close().close();
  }

  private static void row(
      Xhtml x, int n, RemediationStep step, AssetLabels labels, ReportLimits limits) {
    ReportMatch lead = step.lead();
    int max = limits.valueChars();
    x.open("tr", "class", step.kevCve() != null ? "kev" : "step");
    x.element("td", Integer.toString(n));
    x.open("td")
        .element("strong", ShownValue.of(step.advisoryId(), max))
        .element("div", ShownValue.of(lead.title(), max))
        .element("div", "product: " + ShownValue.of(step.product(), max), "class", "small")
        .close();
    x.open("td");
    cves(step, limits.cvesPerStep()).forEach(c -> x.element("div", c, "class", "cve"));
    x.close();
    x.open("td");
    if (step.kevCve() != null) {
      x.element(
          "div",
          "KEV "
              + ShownValue.of(step.kevCve(), 40)
              + due(lead.kevDueDate())
              + ransomware(lead.kevRansomware()),
          "class",
          "kevtag");
    }
    x.element("div", "CVSS " + ShownValue.score(step.cvss()));
    x.element("div", "EPSS " + ShownValue.percent(step.epss()));
    x.close();
    x.open("td");
    int shown = 0;
    for (ReportMatch m : step.matches()) {
      if (shown++ == DEVICES_PER_STEP) {
        x.element("div", "and " + (step.matches().size() - DEVICES_PER_STEP) + " more devices");
        break;
      }
      x.element("div", labels.of(m.assetId()));
    }
    x.close();
    x.open("td");
    x.element("div", "fixed in " + ShownValue.of(lead.fixedVersion(), 60));
    if (lead.remediation() != null) {
      x.element("div", ShownValue.of(lead.remediation(), max), "class", "small");
    }
    if (lead.remediationUrl() != null) {
      x.element("div", ShownValue.of(lead.remediationUrl(), max), "class", "small mono");
    }
    x.close();
    x.open("td");
    for (String why : reasons(step, max)) {
      x.element("div", why, "class", "small");
    }
    x.close();
    x.close();
  }

  private static List<String> cves(RemediationStep step, int shown) {
    Set<String> all = new LinkedHashSet<>();
    step.matches().forEach(m -> m.cves().forEach(c -> all.add(ShownValue.of(c, 40))));
    List<String> list = new ArrayList<>(all);
    if (list.isEmpty()) {
      return List.of(ShownValue.UNKNOWN);
    }
    if (list.size() <= shown) {
      return list;
    }
    List<String> head = new ArrayList<>(list.subList(0, shown));
    head.add("and " + (list.size() - shown) + " more");
    return head;
  }

  private static Set<String> reasons(RemediationStep step, int max) {
    Set<String> out = new LinkedHashSet<>();
    for (ReportMatch m : step.matches()) {
      out.add(
          ShownValue.of(m.confidence(), 20)
              + ": "
              + ShownValue.of(m.reason(), max)
              + (m.firmwareRule() == null
                  ? ""
                  : " (" + ShownValue.of(m.firmwareRule(), max) + ")"));
      if (out.size() == 4) {
        break;
      }
    }
    return out;
  }

  private static String due(String dueDate) {
    return dueDate == null ? "" : ", due " + ShownValue.of(dueDate, 30);
  }

  private static String ransomware(String use) {
    return use == null ? "" : ", ransomware use: " + ShownValue.of(use, 30);
  }
}
