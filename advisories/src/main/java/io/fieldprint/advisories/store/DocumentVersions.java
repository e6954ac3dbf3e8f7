package io.fieldprint.advisories.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * Orders two versions of the same advisory: by {@code current_release_date} (a missing date is
 * older than any date), then by {@code tracking.version} (integer or semantic version, compared
 * number by number; CSAF 2.0 section 3.1.11.5 allows both).
 */
final class DocumentVersions {
  private DocumentVersions() {}

  /** Negative when (date1, version1) is older than (date2, version2), zero when the same. */
  static int compare(Instant date1, String version1, Instant date2, String version2) {
    int byDate =
        Objects.compare(date1, date2, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));
    return byDate != 0 ? byDate : compareVersions(version1, version2);
  }

  /** Compares tracking versions number by number; a pre-release ({@code -rc1}) is older. */
  static int compareVersions(String a, String b) {
    String[] pa = core(a).split("\\.");
    String[] pb = core(b).split("\\.");
    for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
      long x = i < pa.length ? number(pa[i]) : 0;
      long y = i < pb.length ? number(pb[i]) : 0;
      if (x != y) {
        return Long.compare(x, y);
      }
    }
    boolean preA = a.indexOf('-') >= 0;
    boolean preB = b.indexOf('-') >= 0;
    if (preA != preB) {
      return preA ? -1 : 1;
    }
    return a.compareTo(b);
  }

  private static String core(String version) {
    String v = version.strip();
    int cut = v.length();
    for (char c : new char[] {'-', '+'}) {
      int i = v.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    return v.substring(0, cut);
  }

  private static long number(String part) {
    try {
      return part.isEmpty() ? 0 : Long.parseLong(part);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
