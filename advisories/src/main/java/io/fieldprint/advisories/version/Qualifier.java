package io.fieldprint.advisories.version;

/**
 * A lower-order part of a firmware version written after the numeric core, e.g. {@code SP 3} or
 * {@code HF13} in Siemens' {@code V5.2 SP 3 HF 13}, or {@code build 4567}.
 *
 * @param kind what the vendor calls it
 * @param number its number (a missing qualifier compares as 0)
 */
public record Qualifier(Kind kind, long number) {

  /** Qualifier kinds, from most to least significant. */
  public enum Kind {
    SERVICE_PACK("SP"),
    UPDATE("Update"),
    HOTFIX("HF"),
    PATCH("Patch"),
    BUILD("build"),
    /**
     * WAGO's firmware level, written in parentheses after the version ({@code 03.01.07(13)} is
     * FW13) and alone in ranges ({@code FW16}).
     */
    LEVEL("FW");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The short label used when a version is printed. */
    public String label() {
      return label;
    }

    /** The kind for a vendor word ({@code sp}, {@code hf}, {@code upd}...), or {@code null}. */
    static Kind of(String word) {
      return switch (word.toLowerCase(java.util.Locale.ROOT)) {
        case "sp", "servicepack" -> SERVICE_PACK;
        case "update", "upd", "u" -> UPDATE;
        case "hf", "hotfix" -> HOTFIX;
        case "patch", "p" -> PATCH;
        case "build", "b" -> BUILD;
        default -> null;
      };
    }
  }

  @Override
  public String toString() {
    return kind == Kind.LEVEL ? "(" + number + ")" : kind.label() + number;
  }
}
