package io.fieldprint.agent.demo;

import io.fieldprint.advisories.match.AdvisoryMatch;
import java.util.List;
import java.util.Locale;

/** The advisory matches of an inventory as plain text for people, one block per match. */
public final class MatchSummary {
  private static final int MAX_LINE = 200;

  private MatchSummary() {}

  /** "MATCHES (n)" and, per match, asset, advisory, confidence, the reason, the fix. */
  public static String render(List<AdvisoryMatch> matches, int advisories) {
    StringBuilder sb = new StringBuilder();
    sb.append("\nMATCHES (")
        .append(matches.size())
        .append(", against ")
        .append(advisories)
        .append(" advisories)\n");
    if (!matches.isEmpty()) {
      sb.append("  confidence: ");
      for (AdvisoryMatch.Level level : AdvisoryMatch.Level.values()) {
        long n = matches.stream().filter(m -> m.confidence().level() == level).count();
        sb.append(level == AdvisoryMatch.Level.HIGH ? "" : ", ")
            .append(n)
            .append(' ')
            .append(name(level));
      }
      sb.append('\n');
    }
    for (AdvisoryMatch m : matches) {
      sb.append("  ")
          .append(name(m.confidence().level()))
          .append("  ")
          .append(m.assetId())
          .append("  ")
          .append(m.advisoryId())
          .append(m.cvss() == null ? "" : "  CVSS " + m.cvss().score())
          .append('\n');
      line(sb, "title", m.title());
      line(sb, "product", m.product());
      line(sb, "why", m.confidence().reason());
      if (m.remediation() != null) {
        String fix = m.remediation().details();
        line(sb, "fix", fix != null ? fix : "fixed in " + m.remediation().fixedVersion());
      }
    }
    return sb.toString();
  }

  private static String name(AdvisoryMatch.Level level) {
    return level.name().toLowerCase(Locale.ROOT);
  }

  private static void line(StringBuilder sb, String label, String text) {
    String flat = text == null ? "-" : text.replaceAll("\\p{Cntrl}", " ");
    if (flat.length() > MAX_LINE) {
      flat = flat.substring(0, MAX_LINE - 1) + "…";
    }
    sb.append("      ").append(label).append(": ").append(flat).append('\n');
  }
}
