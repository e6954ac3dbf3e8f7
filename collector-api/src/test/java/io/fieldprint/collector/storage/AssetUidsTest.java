package io.fieldprint.collector.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssetUidsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T23:00:00Z"));

  @Test
  void uidsCreatedLaterSortAfterEarlierOnesWhateverTheirRandomPart() {
    AssetUids uids = new AssetUids(clock, new Random(1));
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      created.add(uids.get());
      clock.advance(java.time.Duration.ofMillis(1 + i % 3));
    }
    List<String> sorted = new ArrayList<>(created);
    sorted.sort(null);
    assertEquals(created, sorted);
  }

  @Test
  void aUidIsTwentySixDigitsAndLowerCaseLettersAndTheRandomPartDiffers() {
    AssetUids uids = AssetUids.of(clock);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String uid = uids.get();
      assertEquals(AssetUids.LENGTH, uid.length(), uid);
      assertTrue(uid.matches("[0-9a-hjkmnp-tv-z]{26}"), uid);
      seen.add(uid);
    }
    // same millisecond for all of them: only the 80 random bits tell them apart
    assertEquals(10_000, seen.size());
  }

  @Test
  void theFirstTenCharactersAreTheMillisecondsInBase32() {
    String uid = new AssetUids(clock, new Random(1)).get();
    long millis = 0;
    for (char ch : uid.substring(0, 10).toCharArray()) {
      millis = millis * 32 + "0123456789abcdefghjkmnpqrstvwxyz".indexOf(ch);
    }
    assertEquals(
        clock.instant(), Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC).toInstant());
  }
}
