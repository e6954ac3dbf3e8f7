package io.fieldprint.collector.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.collector.config.Storage;
import io.fieldprint.collector.correlation.AdvisoryImporter;
import io.fieldprint.collector.correlation.Correlator;
import io.fieldprint.collector.storage.CorrelationStore;
import io.fieldprint.collector.storage.CsafFixtures;
import io.fieldprint.collector.storage.Database;
import io.fieldprint.collector.storage.IncomingReport;
import io.fieldprint.collector.storage.JdbcCollectorStore;
import io.fieldprint.collector.storage.JdbcCorrelationStore;
import io.fieldprint.collector.storage.NewAgent;
import io.fieldprint.collector.storage.ReportedAsset;
import io.fieldprint.collector.storage.Site;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV exports read a site page by page: with a page of 7 rows, 23 devices (each matched by the
 * real advisory ICSA-23-222-07) come out once each, in order, in 1 + 4 chunks.
 */
class PagedCsvTest {
  private static final int DEVICES = 23;

  @TempDir Path dir;
  private Database db;
  private JdbcCollectorStore store;
  private CorrelationStore correlations;

  @BeforeEach
  void ingestAndCorrelate() throws Exception {
    db = Database.open(new Storage(Storage.Kind.SQLITE, dir.resolve("c.db"), Optional.empty(), 4));
    Clock clock = Clock.systemUTC();
    AtomicInteger uids = new AtomicInteger();
    store =
        new JdbcCollectorStore(
            db.dataSource(), db.dialect(), clock, () -> "uid-" + uids.incrementAndGet());
    correlations = new JdbcCorrelationStore(db.dataSource(), db.dialect(), clock);
    store.createSite(new Site("plant-a", "Plant A", clock.instant()), "test");
    store.createAgent(new NewAgent("agent-a", "plant-a", "edge", "h"), "test");
    List<ReportedAsset> devices =
        IntStream.range(0, DEVICES)
            .mapToObj(i -> CsafFixtures.cpu1516("mac:00:1b:1b:00:00:%02d".formatted(i), "V2.9.4"))
            .toList();
    store.ingest(
        new IncomingReport("agent-a", "plant-a", "r-1", Optional.empty(), devices, List.of()));
    new AdvisoryImporter(correlations, new CsafReader(), clock)
        .importDocument(CsafFixtures.cisa(CsafFixtures.S7_1500), "test", "test");
    new Correlator(correlations, new CsafReader(), a -> List.of(), 10).runUntilIdle();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void assetsComeOutOnceEachInOrderAcrossPages() throws Exception {
    List<CSVRecord> rows = drain(new AssetCsv(store, correlations, "plant-a", 7), 1 + 4);
    assertEquals(DEVICES, rows.size());
    for (int i = 0; i < DEVICES; i++) {
      assertEquals("mac:00:1b:1b:00:00:%02d".formatted(i), rows.get(i).get("id"));
      assertEquals("1", rows.get(i).get("matches"));
    }
  }

  @Test
  void matchesComeOutOnceEachAcrossPages() throws Exception {
    List<CSVRecord> rows = drain(new MatchCsv(correlations, "plant-a", 7), 1 + 4);
    assertEquals(DEVICES, rows.size());
    assertEquals(
        DEVICES, rows.stream().map(r -> r.get("assetUid")).distinct().count(), "one per device");
    rows.forEach(r -> assertEquals("V2.9.7", r.get("fixedVersion")));
  }

  @Test
  void anEmptySiteGivesTheHeaderOnly() throws Exception {
    store.createSite(new Site("plant-e", "Empty", Clock.systemUTC().instant()), "test");
    assertEquals(0, drain(new AssetCsv(store, correlations, "plant-e", 7), 1).size());
    assertEquals(0, drain(new MatchCsv(correlations, "plant-e", 7), 1).size());
  }

  private static List<CSVRecord> drain(ExportPager pager, int chunks) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Integer> sizes = new ArrayList<>();
    for (Optional<byte[]> c = pager.next(); c.isPresent(); c = pager.next()) {
      sizes.add(c.get().length);
      out.write(c.get());
    }
    assertEquals(chunks, sizes.size(), "chunks " + sizes);
    CSVFormat strict = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (var parser = strict.parse(new StringReader(out.toString(StandardCharsets.UTF_8)))) {
      return parser.getRecords();
    }
  }
}
