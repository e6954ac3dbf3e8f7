package io.fieldprint.collector.correlation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.collector.config.Storage;
import io.fieldprint.collector.storage.CorrelationStore;
import io.fieldprint.collector.storage.CsafFixtures;
import io.fieldprint.collector.storage.Database;
import io.fieldprint.collector.storage.IncomingReport;
import io.fieldprint.collector.storage.JdbcCollectorStore;
import io.fieldprint.collector.storage.JdbcCorrelationStore;
import io.fieldprint.collector.storage.NewAgent;
import io.fieldprint.collector.storage.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole shared CISA corpus imported into SQLite, then one device correlated against it. */
class AdvisoryDirectoryImportTest {
  @TempDir Path dir;

  @Test
  void theCisaCorpusImportsOnceWithReasonsForRejectsAndMatchesARealDevice() throws Exception {
    Path corpus = CsafFixtures.cisaFolder();
    long files;
    try (Stream<Path> walk = Files.walk(corpus)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).count();
    }
    try (Database db =
        Database.open(new Storage(Storage.Kind.SQLITE, dir.resolve("c.db"), Optional.empty(), 4))) {
      Clock clock = Clock.systemUTC();
      CorrelationStore store = new JdbcCorrelationStore(db.dataSource(), db.dialect(), clock);
      AdvisoryImporter importer = new AdvisoryImporter(store, new CsafReader(), clock);

      long started = System.nanoTime();
      List<AdvisoryImporter.Outcome> first = importer.importDirectory(corpus, 100_000, "test");
      long importMillis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(files, first.size());
      Map<String, Long> byResult =
          first.stream()
              .collect(
                  Collectors.groupingBy(AdvisoryImporter.Outcome::result, Collectors.counting()));
      System.out.printf("CISA corpus: %d files in %d ms: %s%n", files, importMillis, byResult);
      assertTrue(
          Set.of("new", "unchanged", "revised", "older_ignored", "rejected")
              .containsAll(byResult.keySet()),
          byResult.toString());
      first.stream()
          .filter(o -> o.result().equals("rejected"))
          .forEach(o -> assertFalse(o.reason().isBlank(), o.source()));
      long ids =
          first.stream()
              .filter(o -> !o.result().equals("rejected"))
              .map(o -> o.trackingId().orElseThrow())
              .distinct()
              .count();
      assertEquals(ids, store.advisories().size());

      List<AdvisoryImporter.Outcome> again = importer.importDirectory(corpus, 100_000, "test");
      assertFalse(again.stream().anyMatch(o -> Set.of("new", "revised").contains(o.result())));

      JdbcCollectorStore assets =
          new JdbcCollectorStore(db.dataSource(), db.dialect(), clock, () -> "uid-1");
      assets.createSite(new Site("plant-a", "Plant A", clock.instant()), "test");
      assets.createAgent(new NewAgent("agent-a", "plant-a", "edge", "h"), "test");
      assets.ingest(
          new IncomingReport(
              "agent-a",
              "plant-a",
              "r-1",
              Optional.empty(),
              List.of(CsafFixtures.cpu1516("mac:00:1b:1b:00:00:16", "V2.9.4")),
              List.of()));
      started = System.nanoTime();
      new Correlator(store, new CsafReader(), a -> List.of(), 10).runUntilIdle();
      long correlateMillis = (System.nanoTime() - started) / 1_000_000;
      Map<String, CorrelationStore.StoredMatch> matches =
          store.matches("plant-a", 1000, 0).stream()
              .collect(
                  Collectors.toMap(CorrelationStore.StoredMatch::advisoryId, Function.identity()));
      System.out.printf(
          "one device against %d advisories: %d matches in %d ms (cold cache)%n",
          ids, matches.size(), correlateMillis);
      assertEquals(CorrelationStore.Confidence.HIGH, matches.get("ICSA-23-222-07").confidence());
    }
  }
}
