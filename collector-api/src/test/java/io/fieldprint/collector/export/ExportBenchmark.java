package io.fieldprint.collector.export;

import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.collector.config.Storage;
import io.fieldprint.collector.correlation.AdvisoryImporter;
import io.fieldprint.collector.correlation.Correlator;
import io.fieldprint.collector.export.cyclonedx.SiteCycloneDx;
import io.fieldprint.collector.storage.CorrelationStore;
import io.fieldprint.collector.storage.Database;
import io.fieldprint.collector.storage.IncomingReport;
import io.fieldprint.collector.storage.JdbcCollectorStore;
import io.fieldprint.collector.storage.JdbcCorrelationStore;
import io.fieldprint.collector.storage.NewAgent;
import io.fieldprint.collector.storage.ReportedAsset;
import io.fieldprint.collector.storage.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Not a test: how long the site exports take and how much heap they need on SQLite. Ingests N
 * devices (every tenth a CPU 1516 on V2.9.4 that the real advisory ICSA-23-222-07 matches),
 * correlates them, then drains {@code assets.csv}, {@code matches.csv} and the CycloneDX document
 * in pages of 500, reporting time, bytes and the largest heap in use seen between chunks (run with
 * a small {@code -Xmx} to show the bound). Arguments: ICSA-23-222-07 JSON file, database file (must
 * not exist), number of devices.
 */
public final class ExportBenchmark {
  private ExportBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path advisory = Path.of(args[0]);
    Path file = Path.of(args[1]);
    int count = Integer.parseInt(args[2]);
    if (Files.exists(file)) {
      throw new IllegalArgumentException("database must not exist: " + file);
    }
    Clock clock = Clock.systemUTC();
    try (Database db = Database.open(new Storage(Storage.Kind.SQLITE, file, Optional.empty(), 4))) {
      AtomicInteger uid = new AtomicInteger();
      JdbcCollectorStore store =
          new JdbcCollectorStore(
              db.dataSource(), db.dialect(), clock, () -> "uid-" + uid.incrementAndGet());
      CorrelationStore correlations =
          new JdbcCorrelationStore(db.dataSource(), db.dialect(), clock);
      store.createSite(new Site("plant", "Plant", clock.instant()), "bench");
      store.createAgent(new NewAgent("agent", "plant", "edge", "hash"), "bench");
      long t0 = System.nanoTime();
      for (int from = 0; from < count; from += 1000) {
        List<ReportedAsset> batch = new ArrayList<>();
        for (int i = from; i < Math.min(count, from + 1000); i++) {
          batch.add(device(i));
        }
        store.ingest(
            new IncomingReport("agent", "plant", "r-" + from, Optional.empty(), batch, List.of()));
      }
      report("ingest", t0, count + " devices");
      new AdvisoryImporter(correlations, new CsafReader(), clock)
          .importDocument(Files.readAllBytes(advisory), "bench", "bench");
      t0 = System.nanoTime();
      var run = new Correlator(correlations, new CsafReader(), a -> List.of(), 500).runUntilIdle();
      report("correlate", t0, run.added() + " matches");
      System.gc();
      long base = used();
      drain("assets.csv", new AssetCsv(store, correlations, "plant", 500), base);
      drain("matches.csv", new MatchCsv(correlations, "plant", 500), base);
      drain("cyclonedx", new SiteCycloneDx(store, correlations, "plant", 500, clock), base);
    }
  }

  private static void drain(String name, ExportPager pager, long base) throws Exception {
    System.gc();
    long t0 = System.nanoTime();
    long bytes = 0;
    long peak = 0;
    for (Optional<byte[]> c = pager.next(); c.isPresent(); c = pager.next()) {
      bytes += c.get().length;
      peak = Math.max(peak, used() - base);
    }
    report(name, t0, bytes + " bytes, peak heap above baseline " + peak / (1024 * 1024) + " MiB");
  }

  private static long used() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  private static void report(String step, long t0, String what) {
    System.out.printf("%-12s %7d ms  %s%n", step, (System.nanoTime() - t0) / 1_000_000, what);
  }

  private static ReportedAsset device(int i) {
    boolean cpu = i % 10 == 0;
    String mac = "00:1b:1b:%02x:%02x:%02x".formatted(i >> 16 & 0xff, i >> 8 & 0xff, i & 0xff);
    return new ReportedAsset(
        "mac:" + mac,
        Optional.of("station-" + i),
        Optional.of(cpu ? "Siemens AG" : "Acme Automation"),
        Optional.of(cpu ? "CPU 1516-3 PN/DP" : "IO-Box " + (i % 37)),
        Optional.of(cpu ? "6ES7 516-3AN01-0AB0" : "AC-" + (i % 101)),
        Optional.of(cpu ? "V2.9.4" : "V1." + (i % 9)),
        Optional.of("2"),
        Optional.of("SN" + i),
        cpu ? "plc" : "io",
        List.of("10.%d.%d.%d".formatted(i >> 16 & 0xff, i >> 8 & 0xff, i & 0xff)),
        List.of(mac),
        List.of(cpu ? "s7comm" : "profinet"),
        Optional.of(Instant.parse("2026-01-01T00:00:00Z")),
        Optional.of(Instant.parse("2026-01-01T01:00:00Z")),
        List.of());
  }
}
