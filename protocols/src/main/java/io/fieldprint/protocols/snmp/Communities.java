package io.fieldprint.protocols.snmp;

import java.util.Locale;
import java.util.Set;

/** SNMP community strings: which are well-known defaults, and how to show the others safely. */
public final class Communities {
  /** Factory defaults and the usual guesses found in scanner word lists. */
  static final Set<String> WELL_KNOWN =
      Set.of(
          "public",
          "private",
          "community",
          "admin",
          "manager",
          "snmp",
          "default",
          "write",
          "read",
          "monitor",
          "secret",
          "cisco",
          "snmpd");

  private Communities() {}

  /** Whether {@code community} is a well-known default (case-insensitive). */
  public static boolean isWellKnown(String community) {
    return community != null && WELL_KNOWN.contains(community.toLowerCase(Locale.ROOT));
  }

  /**
   * Text safe to store: a well-known default as is; anything else as its first character, stars and
   * its length ("s***** (6 chars)"), never the whole value.
   */
  public static String display(String community) {
    if (community == null || community.isEmpty()) {
      return "(empty)";
    }
    if (isWellKnown(community)) {
      return community;
    }
    char first = community.charAt(0);
    String shown = first >= 0x21 && first < 0x7F ? String.valueOf(first) : "?";
    return shown
        + "*".repeat(Math.min(community.length() - 1, 8))
        + " ("
        + community.length()
        + " chars)";
  }
}
