package io.fieldprint.advisories.version;

/**
 * Whether a device's firmware falls in an advisory's version range. A comparison that cannot be
 * decided is {@link Verdict#UNKNOWN}, never a silent yes or no.
 *
 * @param verdict the outcome
 * @param reason why, in words an auditor can check (e.g. {@code "V2.9.4 < V4.33"})
 */
public record VersionComparison(Verdict verdict, String reason) {

  /** Tri-state outcome. */
  public enum Verdict {
    AFFECTED,
    NOT_AFFECTED,
    UNKNOWN
  }

  static VersionComparison affected(String reason) {
    return new VersionComparison(Verdict.AFFECTED, reason);
  }

  static VersionComparison notAffected(String reason) {
    return new VersionComparison(Verdict.NOT_AFFECTED, reason);
  }

  static VersionComparison unknown(String reason) {
    return new VersionComparison(Verdict.UNKNOWN, reason);
  }
}
