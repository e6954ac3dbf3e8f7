package io.fieldprint.advisories.csaf;

import java.util.List;

/**
 * {@code product_status}: the eight lists of product ids, in CSAF's words.
 *
 * @param firstAffected {@code first_affected}
 * @param firstFixed {@code first_fixed}
 * @param fixed {@code fixed}
 * @param knownAffected {@code known_affected}
 * @param knownNotAffected {@code known_not_affected}
 * @param lastAffected {@code last_affected}
 * @param recommended {@code recommended}
 * @param underInvestigation {@code under_investigation}
 */
public record ProductStatus(
    List<String> firstAffected,
    List<String> firstFixed,
    List<String> fixed,
    List<String> knownAffected,
    List<String> knownNotAffected,
    List<String> lastAffected,
    List<String> recommended,
    List<String> underInvestigation) {

  public ProductStatus {
    firstAffected = List.copyOf(firstAffected);
    firstFixed = List.copyOf(firstFixed);
    fixed = List.copyOf(fixed);
    knownAffected = List.copyOf(knownAffected);
    knownNotAffected = List.copyOf(knownNotAffected);
    lastAffected = List.copyOf(lastAffected);
    recommended = List.copyOf(recommended);
    underInvestigation = List.copyOf(underInvestigation);
  }

  /** Every id in any list, for reference checks. */
  public List<String> all() {
    return java.util.stream.Stream.of(
            firstAffected,
            firstFixed,
            fixed,
            knownAffected,
            knownNotAffected,
            lastAffected,
            recommended,
            underInvestigation)
        .flatMap(List::stream)
        .toList();
  }
}
