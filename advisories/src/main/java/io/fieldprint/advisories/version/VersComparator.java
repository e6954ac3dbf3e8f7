package io.fieldprint.advisories.version;

/** The comparators of the vers specification ({@code <}, {@code <=}, ... {@code !=}). */
public enum VersComparator {
  LESS("<"),
  LESS_OR_EQUAL("<="),
  GREATER(">"),
  GREATER_OR_EQUAL(">="),
  EQUAL("="),
  NOT_EQUAL("!=");

  private final String symbol;

  VersComparator(String symbol) {
    this.symbol = symbol;
  }

  /** As written in a vers string. */
  public String symbol() {
    return symbol;
  }

  /** The comparator for a symbol; an absent symbol means {@link #EQUAL}. */
  static VersComparator of(String symbol) {
    if (symbol == null || symbol.isEmpty()) {
      return EQUAL;
    }
    for (VersComparator c : values()) {
      if (c.symbol.equals(symbol)) {
        return c;
      }
    }
    return EQUAL;
  }

  boolean isLower() {
    return this == LESS || this == LESS_OR_EQUAL;
  }

  boolean isUpper() {
    return this == GREATER || this == GREATER_OR_EQUAL;
  }

  /** Whether a device equal to the bound satisfies this comparator. */
  boolean includesEqual() {
    return this == LESS_OR_EQUAL || this == GREATER_OR_EQUAL || this == EQUAL;
  }
}
