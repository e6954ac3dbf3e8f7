package io.fieldprint.agent.report;

import io.fieldprint.protocols.inventory.InventoryFinding;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Posture findings grouped by rule, most severe first, each with the IEC 62443-3-3 system
 * requirements and IEC 62443-4-2 component requirements it concerns and the evidence it rests on.
 */
final class FindingsSection {
  private FindingsSection() {}

  static void write(
      Xhtml x,
      List<InventoryFinding> findings,
      Iec62443Mapping mapping,
      AssetLabels labels,
      ReportLimits limits) {
    x.open("section", "id", "findings").element("h2", "Posture findings");
    x.element(
        "p",
        "Each rule names the IEC 62443-3-3 system requirements (SR) and IEC 62443-4-2 component"
            + " requirements (CR) it concerns; the titles are fieldprint's short summaries, see"
            + " the standard for the requirement text.");
    if (findings.isEmpty()) {
      x.element("p", "No posture findings.", "class", "none").close();
      return;
    }
    Map<String, List<InventoryFinding>> byRule =
        findings.stream()
            .collect(
                Collectors.groupingBy(
                    f -> Objects.toString(f.rule(), "unknown"), TreeMap::new, Collectors.toList()));
    List<List<InventoryFinding>> groups = new ArrayList<>(byRule.values());
    groups.sort(Comparator.comparingInt(FindingsSection::worst).reversed());
    for (List<InventoryFinding> group : groups) {
      rule(x, group, mapping.concernOf(group.get(0).rule()), labels, limits.valueChars());
    }
    x.close();
  }

  private static int worst(List<InventoryFinding> group) {
    return group.stream()
        .map(InventoryFinding::severity)
        .filter(Objects::nonNull)
        .mapToInt(Severity::ordinal)
        .max()
        .orElse(-1);
  }

  private static void rule(
      Xhtml x,
      List<InventoryFinding> group,
      Optional<Iec62443Concern> concern,
      AssetLabels labels,
      int max) {
    InventoryFinding first = group.get(0);
    x.open("div", "class", "rule");
    x.element(
        "h3",
        ShownValue.of(first.rule(), max)
            + " \u2014 "
            + ShownValue.of(first.title(), max)
            + " ("
            + group.size()
            + ")");
    x.open("div", "class", "iec");
    if (concern.isPresent()) {
      Iec62443Concern c = concern.get();
      x.element("div", "Concerns " + c.concern());
      x.element("div", "IEC 62443-3-3: " + labels(c.systemRequirements()));
      x.element("div", "IEC 62443-4-2: " + labels(c.componentRequirements()));
    } else {
      x.element("div", "No IEC 62443 mapping is known for this rule (a newer fieldprint?).");
    }
    x.close();
    x.open("table", "class", "findings")
        .head(
            List.of("Severity", "Device", "Detail", "Seen", "Evidence", "IEC 62443"),
            8,
            18,
            30,
            6,
            24,
            14)
        .open("tbody");
    String ids = concern.map(FindingsSection::ids).orElse(ShownValue.UNKNOWN);
    for (InventoryFinding f : group) {
      String severity = f.severity() == null ? "unknown" : f.severity().jsonName();
      x.open("tr", "class", "sev-" + severity);
      x.element("td", severity);
      x.element("td", labels.of(f.assetId()), "class", "small mono");
      x.element("td", ShownValue.of(f.detail(), max));
      x.element("td", f.occurrences() + "\u00d7");
      x.open("td");
      for (Evidence e : f.evidence()) {
        x.element(
            "div",
            ShownValue.of(e.source(), 80)
                + " "
                + ShownValue.of(e.origin(), max)
                + " "
                + ShownValue.time(e.at()),
            "class",
            "small mono");
      }
      x.close();
      x.element("td", ids, "class", "small");
      x.close();
    }
    x.close().close().close();
  }

  private static String labels(List<Requirement> requirements) {
    return requirements.stream().map(Requirement::label).collect(Collectors.joining("; "));
  }

  private static String ids(Iec62443Concern c) {
    List<String> all = new ArrayList<>();
    c.systemRequirements().forEach(r -> all.add(r.id()));
    c.componentRequirements().forEach(r -> all.add(r.id()));
    return String.join(", ", all);
  }
}
