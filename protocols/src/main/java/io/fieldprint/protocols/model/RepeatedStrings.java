package io.fieldprint.protocols.model;

/**
 * A small, lossy pool for the short strings that evidence repeats thousands of times: message kinds
 * ({@code profinet.io-cm.request-target}), field names and decoded values ({@code 0x0001}, security
 * policy URIs, vendor names). Each decoder makes its own copy per frame; an agent that keeps the
 * evidence of a few thousand devices held half of its strings twice or more (bench/agent heap dump:
 * 5.3 of 10.8 MB). A string is looked up in one slot chosen by its hash; a hit returns the pooled
 * copy, a miss takes the slot. Bounded by construction (a fixed table, strings over {@link
 * #MAX_LENGTH} pass through), so hostile input costs at most cache misses, never memory.
 *
 * <p>Thread-safe without locks: slots are read and written racily, which is safe for {@link String}
 * (immutable, final fields); a lost race only costs one more copy.
 */
final class RepeatedStrings {
  static final int MAX_LENGTH = 128;
  private static final int SLOTS = 1 << 13;
  private static final String[] POOL = new String[SLOTS];

  private RepeatedStrings() {}

  /** The pooled copy of {@code s} if there is one, else {@code s} (which may become pooled). */
  static String of(String s) {
    if (s == null || s.length() > MAX_LENGTH) {
      return s;
    }
    int h = s.hashCode();
    int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
    String pooled = POOL[slot];
    if (s.equals(pooled)) {
      return pooled;
    }
    POOL[slot] = s;
    return s;
  }
}
