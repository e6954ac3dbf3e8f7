package io.fieldprint.advisories.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.advisories.prioritise.EpssScore;
import io.fieldprint.advisories.prioritise.EpssScores;
import io.fieldprint.advisories.prioritise.KevCatalog;
import io.fieldprint.advisories.prioritise.KevEntry;
import io.fieldprint.advisories.store.PutResult.Outcome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteAdvisoryStoreTest {
  @TempDir Path tmp;

  @Test
  void sameVersionIsUnchangedNewerReplacesOlderIsIgnoredWithAReason() throws Exception {
    try (SqliteAdvisoryStore store = SqliteAdvisoryStore.open(tmp.resolve("a.db"))) {
      byte[] original = StoreDocuments.original();
      assertEquals(Outcome.IMPORTED, store.put(StoreDocuments.submission(original, "o")).outcome());
      assertEquals(
          Outcome.UNCHANGED, store.put(StoreDocuments.submission(original, "o")).outcome());

      byte[] newer = StoreDocuments.revised("99", "2030-01-01T00:00:00.000Z");
      PutResult updated = store.put(StoreDocuments.submission(newer, "newer"));
      assertEquals(Outcome.UPDATED, updated.outcome(), updated.reason());

      PutResult older = store.put(StoreDocuments.submission(original, "again"));
      assertEquals(Outcome.IGNORED, older.outcome());
      assertTrue(older.reason().contains("older than the stored version 99"), older.reason());
      StoredAdvisory current = store.get("ICSA-23-222-07").orElseThrow();
      assertArrayEquals(newer, current.json());
      assertEquals("newer", current.summary().origin());
    }
  }

  @Test
  void aRejectedDocumentIsRecordedAndThePreviousGoodVersionStays() throws Exception {
    try (SqliteAdvisoryStore store = SqliteAdvisoryStore.open(tmp.resolve("a.db"))) {
      byte[] original = StoreDocuments.original();
      store.put(StoreDocuments.submission(original, "good"));
      store.recordRejections(
          List.of(new Rejection.New("tampered.json", "ICSA-23-222-07", "hash mismatch")));

      assertArrayEquals(original, store.get("ICSA-23-222-07").orElseThrow().json());
      Rejection r = store.rejections(10).get(0);
      assertEquals("tampered.json", r.origin());
      assertEquals("hash mismatch", r.reason());
    }
  }

  @Test
  void aConsumerSeesOnlyWhatChangedSinceTheSequenceItLastSaw() throws Exception {
    Path file = tmp.resolve("a.db");
    long seen;
    try (SqliteAdvisoryStore store = SqliteAdvisoryStore.open(file)) {
      store.put(StoreDocuments.submission(StoreDocuments.original(), "o"));
      seen = store.sequence();
      assertEquals(List.of(), store.changedSince(seen));
    }
    try (SqliteAdvisoryStore reopened = SqliteAdvisoryStore.open(file)) {
      byte[] newer = StoreDocuments.revised("2", "2030-01-01T00:00:00.000Z");
      reopened.put(StoreDocuments.submission(newer, "n"));
      List<StoredAdvisory> changed = reopened.changedSince(seen);
      assertEquals(1, changed.size());
      assertEquals("2", changed.get(0).summary().version());
      assertTrue(reopened.sequence() > seen);
      assertEquals(1, reopened.list().size());
    }
  }

  @Test
  void kevAndEpssTablesAreReplacedWholeAndLookedUpByCve() {
    try (SqliteAdvisoryStore store = SqliteAdvisoryStore.open(tmp.resolve("a.db"))) {
      KevEntry e =
          new KevEntry("CVE-2021-1111", "Siemens", "S7", "x", "2022-01-01", "2022-02-01", "Known");
      store.replaceKev(new KevCatalog("2024.01.01", "2024-01-01T00:00:00Z", List.of(e)));
      store.replaceEpss(
          new EpssScores(
              "v2023.03.01", "2024-01-01", List.of(new EpssScore("CVE-2021-1111", 0.5, 0.9))));
      store.replaceEpss(
          new EpssScores(
              "v2023.03.01", "2024-01-02", List.of(new EpssScore("CVE-2021-2222", 0.1, 0.2))));

      assertEquals(e, store.kev(List.of("CVE-2021-1111", "CVE-2000-0001")).get("CVE-2021-1111"));
      assertEquals(
          List.of("CVE-2021-2222"),
          List.copyOf(store.epss(List.of("CVE-2021-1111", "CVE-2021-2222")).keySet()));
      assertEquals("2024-01-02", store.feed("epss").orElseThrow().released());
      assertEquals(1, store.feed("kev").orElseThrow().entries());
    }
  }
}
