package io.fieldprint.agent.cli;

import io.fieldprint.advisories.match.AdvisoryMatch;
import io.fieldprint.advisories.match.VersionRule;
import io.fieldprint.advisories.prioritise.PrioritisedMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The matches of a {@code fieldprint match} run as a table for people. */
final class MatchTable {
  private MatchTable() {}

  static String render(List<PrioritisedMatch> matches, String header) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "ASSET", "ADVISORY", "CVSS", "KEV", "EPSS", "CONFIDENCE", "VERSION RULE", "FIXED IN"));
    for (PrioritisedMatch p : matches) {
      AdvisoryMatch m = p.match();
      rows.add(
          List.of(
              m.assetId(),
              m.advisoryId(),
              m.cvss() == null ? "-" : String.format(Locale.ROOT, "%.1f", m.cvss().score()),
              p.kev() == null ? "-" : "yes " + p.kev().dateAdded(),
              p.epss() == null ? "-" : String.format(Locale.ROOT, "%.3f", p.epss().epss()),
              m.confidence().level().name().toLowerCase(Locale.ROOT)
                  + " ("
                  + m.productMatch().kind().name().toLowerCase(Locale.ROOT)
                  + ")",
              rule(m.versionRule()),
              m.remediation() == null || m.remediation().fixedVersion() == null
                  ? "-"
                  : m.remediation().fixedVersion()));
    }
    return header + "\nMATCHES (" + matches.size() + ")\n" + TextTable.render(rows);
  }

  private static String rule(VersionRule r) {
    String rule = r.text() == null ? "no version given" : r.text();
    String firmware = r.firmware() == null ? "firmware unknown" : r.firmware();
    return firmware + " vs " + rule + ": " + r.verdict().name().toLowerCase(Locale.ROOT);
  }
}
