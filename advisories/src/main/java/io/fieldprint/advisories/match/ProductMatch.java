package io.fieldprint.advisories.match;

/**
 * Whether a device and an advisory product are the same product, and why.
 *
 * @param kind how they matched, strongest first
 * @param reason what was compared, in words an auditor can check
 */
public record ProductMatch(Kind kind, String reason) {

  /** How a device matched an advisory product. */
  public enum Kind {
    /** Order number / model number equal after normalisation (wildcards allowed). */
    EXACT_MODEL,
    /** Normalised product-name tokens match. */
    PRODUCT_NAME,
    /** Both belong to the same product family of {@code product-families.tsv}. */
    FAMILY,
    /** Not the same product. */
    NONE
  }

  static ProductMatch none(String reason) {
    return new ProductMatch(Kind.NONE, reason);
  }

  /** Whether anything matched. */
  public boolean matched() {
    return kind != Kind.NONE;
  }
}
