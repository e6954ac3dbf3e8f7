package io.fieldprint.collector.correlation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.match.AdvisoryMatch;
import io.fieldprint.advisories.match.AdvisoryMatcher;
import io.fieldprint.collector.config.Storage;
import io.fieldprint.collector.storage.AssetQuery;
import io.fieldprint.collector.storage.CorrelationStore;
import io.fieldprint.collector.storage.CsafFixtures;
import io.fieldprint.collector.storage.Database;
import io.fieldprint.collector.storage.IncomingReport;
import io.fieldprint.collector.storage.JdbcCollectorStore;
import io.fieldprint.collector.storage.JdbcCorrelationStore;
import io.fieldprint.collector.storage.NewAgent;
import io.fieldprint.collector.storage.ReportedAsset;
import io.fieldprint.collector.storage.Site;
import io.fieldprint.collector.storage.StoredAsset;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The correlator shares one match per device identity across devices and batches, and matches new
 * identities on all cores: what it stores must still be exactly what the plain {@link
 * AdvisoryMatcher} says for each device, explanation included.
 */
class CorrelatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void sharedMatchesExplainEachDeviceExactlyAsThePlainMatcherDoes() throws Exception {
    try (Database db =
        Database.open(new Storage(Storage.Kind.SQLITE, dir.resolve("c.db"), Optional.empty(), 4))) {
      Clock clock = Clock.systemUTC();
      CorrelationStore store = new JdbcCorrelationStore(db.dataSource(), db.dialect(), clock);
      new AdvisoryImporter(store, new CsafReader(), clock)
          .importDirectory(CsafFixtures.cisaFolder(), 100_000, "test");
      JdbcCollectorStore assets =
          plantReporting(
              db,
              clock,
              CsafFixtures.cpu1516("mac:00:1b:1b:00:00:16", "V2.9.4"),
              // the same identity again, with an id JSON must escape
              CsafFixtures.cpu1516("name:\"cpu\\1\"\u0001", "V2.9.4"),
              CsafFixtures.cpu1516("mac:00:1b:1b:00:00:18", "V2.8.3"),
              CsafFixtures.cpu1516("mac:00:1b:1b:00:00:19", "V2.9.4"),
              CsafFixtures.m580("mac:00:80:f4:00:00:01"),
              CsafFixtures.m580("mac:00:80:f4:00:00:02"));
      // batches of two: later batches reuse what earlier ones matched
      new Correlator(store, new CsafReader(), a -> List.of(), 2).runUntilIdle();

      List<CsafDocument> documents = corpus();
      AdvisoryMatcher plain = new AdvisoryMatcher();
      int compared = 0;
      for (StoredAsset a :
          assets
              .assets("plant-a", new AssetQuery(Optional.empty(), Optional.empty(), 10, 0))
              .items()) {
        Map<String, String> expected = new TreeMap<>();
        for (AdvisoryMatch m : plain.match(Correlator.asset(a), documents)) {
          expected.put(m.advisoryId(), JSON.writeValueAsString(m.toJson()));
        }
        Map<String, String> stored = new TreeMap<>();
        for (CorrelationStore.StoredMatch m : store.assetMatches(a.uid())) {
          stored.put(m.advisoryId(), m.explanationJson());
        }
        assertEquals(expected, stored, a.assetId());
        compared += expected.size();
      }
      assertTrue(compared >= 8, "the devices match real advisories: " + compared);
    }
  }

  @Test
  void anIdleRoundParsesNewAdvisoriesSoTheNextDevicesAreMatchedWithoutParsing() throws Exception {
    try (Database db =
        Database.open(new Storage(Storage.Kind.SQLITE, dir.resolve("c.db"), Optional.empty(), 4))) {
      Clock clock = Clock.systemUTC();
      CorrelationStore real = new JdbcCorrelationStore(db.dataSource(), db.dialect(), clock);
      AtomicInteger documentsRead = new AtomicInteger();
      CorrelationStore store =
          (CorrelationStore)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {CorrelationStore.class},
                  (proxy, method, args) -> {
                    if (method.getName().equals("advisoryJson")) {
                      documentsRead.incrementAndGet();
                    }
                    try {
                      return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
      new AdvisoryImporter(store, new CsafReader(), clock)
          .importDocument(CsafFixtures.cisa(CsafFixtures.S7_1500), "t", "test");
      Correlator correlator = new Correlator(store, new CsafReader(), a -> List.of(), 10);

      assertEquals(0, correlator.runUntilIdle().assets());
      assertEquals(1, documentsRead.get(), "the idle round read and parsed the new advisory");

      plantReporting(db, clock, CsafFixtures.cpu1516("mac:00:1b:1b:00:00:16", "V2.9.4"));
      assertEquals(1, correlator.runUntilIdle().alerts());
      assertEquals(1, documentsRead.get(), "the device was matched against the prepared index");
    }
  }

  @Test
  void matchingWaitsForTheReportInFlightThenGoesOnAndNeverWaitsForever() throws Exception {
    try (Database db =
        Database.open(new Storage(Storage.Kind.SQLITE, dir.resolve("c.db"), Optional.empty(), 4))) {
      Clock clock = Clock.systemUTC();
      CorrelationStore store = new JdbcCorrelationStore(db.dataSource(), db.dialect(), clock);
      new AdvisoryImporter(store, new CsafReader(), clock)
          .importDocument(CsafFixtures.cisa(CsafFixtures.S7_1500), "t", "test");
      JdbcCollectorStore assets =
          plantReporting(
              db,
              clock,
              CsafFixtures.cpu1516("mac:00:1b:1b:00:00:16", "V2.9.4"),
              CsafFixtures.cpu1516("mac:00:1b:1b:00:00:17", "V3.1.0"));
      // a report is in flight for the first five looks, then answered
      AtomicInteger looks = new AtomicInteger();
      ReportActivity oneReport = reporting(() -> looks.incrementAndGet() <= 5);

      var run =
          new Correlator(store, new CsafReader(), a -> List.of(), 10, oneReport).runUntilIdle();

      assertEquals(2, run.assets());
      assertTrue(
          looks.get() >= 6, "matching looked for reports in flight " + looks.get() + " times");

      // a report that is never answered delays each new identity by YIELD_LIMIT, no more
      assets.ingest(
          new IncomingReport(
              "agent-a",
              "plant-a",
              "r-2",
              Optional.empty(),
              List.of(CsafFixtures.cpu1516("mac:00:1b:1b:00:00:18", "V2.8.0")),
              List.of()));
      ReportActivity stuck = reporting(() -> true);
      long t0 = System.nanoTime();
      var late = new Correlator(store, new CsafReader(), a -> List.of(), 10, stuck).runUntilIdle();
      long millis = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(1, late.assets());
      assertTrue(
          millis >= Correlator.YIELD_LIMIT.toMillis(), "waited " + millis + " ms for the report");
    }
  }

  /** Agents reporting all the time; {@code inFlight} says whether one is being ingested now. */
  private static ReportActivity reporting(BooleanSupplier inFlight) {
    return new ReportActivity() {
      @Override
      public boolean inFlight() {
        return inFlight.getAsBoolean();
      }

      @Override
      public boolean arriving() {
        return true;
      }
    };
  }

  /** Site plant-a with agent-a, which has reported {@code devices}. */
  private static JdbcCollectorStore plantReporting(
      Database db, Clock clock, ReportedAsset... devices) {
    AtomicInteger uids = new AtomicInteger();
    JdbcCollectorStore assets =
        new JdbcCollectorStore(
            db.dataSource(), db.dialect(), clock, () -> "uid-" + uids.incrementAndGet());
    assets.createSite(new Site("plant-a", "Plant A", clock.instant()), "test");
    assets.createAgent(new NewAgent("agent-a", "plant-a", "edge", "h"), "test");
    assets.ingest(
        new IncomingReport(
            "agent-a", "plant-a", "r-1", Optional.empty(), List.of(devices), List.of()));
    return assets;
  }

  private static List<CsafDocument> corpus() throws Exception {
    List<CsafDocument> out = new ArrayList<>();
    CsafReader reader = new CsafReader();
    try (Stream<Path> walk = Files.walk(CsafFixtures.cisaFolder())) {
      for (Path p : walk.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        if (reader.read(Files.readAllBytes(p)) instanceof CsafDocument d) {
          out.add(d);
        }
      }
    }
    return out;
  }
}
