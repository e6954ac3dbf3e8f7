package io.fieldprint.collector.storage;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;
import java.util.function.Supplier;

/**
 * New asset uids that sort by creation time: 26 characters of lower-case Crockford base32, the
 * first 10 the creation time in milliseconds since 1970 (50 bits), the other 16 random (80 bits),
 * much as in a ULID.
 *
 * <p>Every table that refers to an asset is keyed by its uid first: the uid index of {@code
 * assets}, {@code correlation_due}, {@code matches}, {@code triage}, {@code alerts} and {@code
 * asset_vendor_keys}. With random uids each of a report's new devices lands on a different page of
 * each of those indexes, so a 200-device report rewrote hundreds of scattered pages per index
 * (SQLite copies every page a transaction changes into its log, PostgreSQL into its WAL and buffer
 * cache); uids in creation order append to the right-most pages instead. Correlation takes due
 * assets in uid order, so their matches are appended too.
 *
 * <p>Digits and lower-case letters only, so the database's order of uids is the same under the
 * binary collation and the usual locale collations, and the same as {@link String#compareTo}. Uids
 * stored before (22 characters of base64url) stay as they were; uids are opaque everywhere else.
 */
public final class AssetUids implements Supplier<String> {
  static final int LENGTH = 26;
  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
  private static final int TIME_CHARS = 10;

  private final Clock clock;
  private final Random random;

  AssetUids(Clock clock, Random random) {
    this.clock = clock;
    this.random = random;
  }

  /** Uids stamped with {@code clock}'s time and random from a {@link SecureRandom}. */
  public static AssetUids of(Clock clock) {
    return new AssetUids(clock, new SecureRandom());
  }

  @Override
  public String get() {
    char[] out = new char[LENGTH];
    long millis = clock.millis();
    for (int i = TIME_CHARS - 1; i >= 0; i--) {
      out[i] = ALPHABET[(int) (millis & 31)];
      millis >>>= 5;
    }
    byte[] bytes = new byte[10];
    random.nextBytes(bytes);
    long high = 0;
    for (int i = 0; i < 5; i++) {
      high = high << 8 | (bytes[i] & 0xff);
    }
    long low = 0;
    for (int i = 5; i < 10; i++) {
      low = low << 8 | (bytes[i] & 0xff);
    }
    // 40 bits each: 8 characters of 5 bits
    for (int i = 7; i >= 0; i--) {
      out[TIME_CHARS + i] = ALPHABET[(int) (high & 31)];
      out[TIME_CHARS + 8 + i] = ALPHABET[(int) (low & 31)];
      high >>>= 5;
      low >>>= 5;
    }
    return new String(out);
  }
}
