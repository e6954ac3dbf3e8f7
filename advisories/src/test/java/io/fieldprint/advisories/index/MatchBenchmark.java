package io.fieldprint.advisories.index;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.store.AdvisoryImporter;
import io.fieldprint.advisories.store.CurrentDocuments;
import io.fieldprint.advisories.store.ImportSummary;
import io.fieldprint.advisories.store.SqliteAdvisoryStore;
import io.fieldprint.protocols.inventory.Asset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The advisory-matching benchmark of {@code bench/match}: cold import of a CSAF tree into a fresh
 * store, matching synthetic assets, and re-correlating them after one advisory changes. Arguments:
 * CSAF folder, store file (must not exist), number of assets.
 */
public final class MatchBenchmark {
  private MatchBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path csaf = Path.of(args[0]);
    Path storeFile = Path.of(args[1]);
    int count = Integer.parseInt(args[2]);
    if (Files.exists(storeFile)) {
      throw new IllegalArgumentException("store must not exist: " + storeFile);
    }
    CsafReader reader = new CsafReader();
    try (SqliteAdvisoryStore store = SqliteAdvisoryStore.open(storeFile)) {
      long t0 = start();
      ImportSummary summary = new AdvisoryImporter(store, reader).importPaths(List.of(csaf));
      report(
          "import",
          t0,
          summary.imported() + " imported, " + summary.rejected().size() + " rejected");

      t0 = start();
      List<CsafDocument> documents = CurrentDocuments.load(store, reader);
      AdvisoryIndex index = AdvisoryIndex.of(documents);
      report("load+index", t0, documents.size() + " documents");

      List<Asset> assets = SyntheticAssets.draw(documents, count, 42);
      t0 = start();
      Correlation correlation = new Correlation(index, assets);
      long matches = assets.stream().mapToLong(a -> correlation.matches(a.id()).size()).sum();
      report("match", t0, count + " assets, " + matches + " matches");

      CsafDocument changed = documents.get(documents.size() / 2);
      t0 = start();
      int rematched = correlation.update(changed);
      report(
          "re-correlate",
          t0,
          "one advisory ("
              + changed.tracking().id()
              + "), "
              + rematched
              + " assets looked at again");
    }
  }

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean();
  private static long cpuAtStart;

  private static long start() {
    cpuAtStart = OS.getProcessCpuTime();
    return System.nanoTime();
  }

  /** Wall time, and the CPU time of the whole process (all threads, JIT and GC included). */
  private static void report(String step, long start, String detail) {
    System.out.printf(
        "%-13s %9.1f ms  (CPU %8.1f ms)  %s%n",
        step,
        (System.nanoTime() - start) / 1e6,
        (OS.getProcessCpuTime() - cpuAtStart) / 1e6,
        detail);
  }
}
