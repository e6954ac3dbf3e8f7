package io.fieldprint.protocols.inventory;

import io.fieldprint.protocols.model.Authority;
import java.util.Comparator;

/**
 * One candidate value for an asset field, and how strong it is. Stronger claims sort first:
 * device-reported before peer-reported before inferred, then by protocol specificity, then the
 * earliest seen.
 */
record Claim<T>(T value, Authority authority, int protocolRank, long sequence, Attribution from) {

  static final Comparator<Claim<?>> STRONGEST_FIRST =
      Comparator.<Claim<?>>comparingInt(c -> c.authority().ordinal())
          .thenComparingInt(Claim::protocolRank)
          .thenComparingLong(Claim::sequence);

  boolean beats(Claim<?> other) {
    return other == null || STRONGEST_FIRST.compare(this, other) < 0;
  }
}
