package io.fieldprint.collector.bench;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.CsafReader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Not a test: {@code bench/collector}'s load driver. Starts the real collector jar with {@code
 * -Xmx512m} on SQLite or on an embedded PostgreSQL (zonky), creates a site and the agents through
 * the admin API, runs the agents (paced at the target rate, then closed-loop), then imports the
 * CSAF corpus except 50 documents, waits until correlation is idle, imports those 50 ("the sync")
 * and times until correlation is idle again. Arguments: {@code sqlite|postgresql JAR CSAF_DIR
 * OUT_DIR [key=value ...]} with keys agents, perReport, fleet, pacedRounds, periodMillis,
 * closedRounds, sync, heap. Run with the collector-api test classpath.
 */
public final class CollectorLoadBenchmark {
  private CollectorLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchSettings s = BenchSettings.parse(args);
    Corpus corpus = Corpus.read(s.csaf(), s.sync());
    System.out.printf(
        "corpus: %d documents read, %d kept as the base, %d for the sync%n",
        corpus.total(), corpus.base().size(), corpus.sync().size());
    Files.createDirectories(s.out());
    EmbeddedPostgres pg = s.postgresql() ? EmbeddedPostgres.start() : null;
    try {
      String jdbcUrl = database(s, pg);
      Path config = s.out().resolve("collector.yaml");
      Files.writeString(config, yaml(s, jdbcUrl), StandardCharsets.UTF_8);
      try (CollectorProcess collector =
          CollectorProcess.start(s.jar(), config, s.heap(), s.out().resolve("collector.log"))) {
        run(s, corpus, collector, jdbcUrl);
      }
    } finally {
      if (pg != null) {
        pg.close();
      }
    }
  }

  private static void run(BenchSettings s, Corpus corpus, CollectorProcess collector, String url)
      throws Exception {
    AdminClient admin =
        new AdminClient(collector.port(), Files.readString(s.out().resolve("data/admin-token")));
    admin.createSite("plant");
    List<String> tokens = new ArrayList<>();
    List<SyntheticFleet> fleets = new ArrayList<>();
    var products = SyntheticFleet.products(corpus.documents());
    for (int i = 0; i < s.agents(); i++) {
      tokens.add(admin.createAgent("plant", "edge-" + i));
      fleets.add(SyntheticFleet.draw(i, s.fleet(), products));
    }
    if (s.sync() > 0) {
      long t0 = System.nanoTime();
      admin.importAdvisories(corpus.base(), 250);
      System.out.printf(
          "base corpus: %d advisories imported in %.1f s (before any asset)%n",
          corpus.base().size(), since(t0));
    }
    AgentLoad load = new AgentLoad(collector.port());
    AgentLoad.Result paced =
        load.run(tokens, fleets, 0, s.pacedRounds(), s.perReport(), s.periodMillis(), "paced");
    print("paced (offered " + s.offeredAssetsPerSecond() + " assets/s)", paced, collector);
    System.out.print(paced.byRound());
    System.out.print(paced.afterFirstRound(0));
    AgentLoad.Result closed =
        load.run(tokens, fleets, s.pacedRounds(), s.closedRounds(), s.perReport(), 0, "closed");
    print("closed loop", closed, collector);
    try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
      System.out.printf("stored assets: %d%n", count(db, "SELECT COUNT(*) FROM assets"));
      long t0 = System.nanoTime();
      awaitIdle(db);
      System.out.printf(
          "correlation of the stored assets idle %.1f s after the last report; %d matches%n",
          since(t0), count(db, "SELECT COUNT(*) FROM matches"));
      if (s.sync() > 0) {
        sync(db, admin, corpus);
      }
    }
    System.out.printf(
        "collector heap: peak used %.0f MiB, peak committed %.0f MiB (-Xmx%s), alive: %s%n",
        collector.peakHeapMib(), collector.heapCapacityMib(), s.heap(), collector.alive());
  }

  private static void sync(Connection db, AdminClient admin, Corpus corpus) throws Exception {
    long matches = count(db, "SELECT COUNT(*) FROM matches");
    long t0 = System.nanoTime();
    admin.importAdvisories(corpus.sync(), corpus.sync().size());
    double imported = since(t0);
    long due = count(db, "SELECT COUNT(*) FROM correlation_due");
    awaitIdle(db);
    double total = since(t0);
    System.out.printf(
        "sync: %d advisories imported in %.1f s, %d assets due right after, correlation idle"
            + " %.1f s after the import began; matches %d -> %d%n",
        corpus.sync().size(),
        imported,
        due,
        total,
        matches,
        count(db, "SELECT COUNT(*) FROM matches"));
  }

  private static void print(String phase, AgentLoad.Result r, CollectorProcess collector) {
    System.out.printf(
        "%s: %d reports (%d failed), %d assets in %.1f s = %.0f assets/s; latency p50 %.0f ms,"
            + " p95 %.0f ms, p99 %.0f ms, max %.0f ms; heap peak so far %.0f MiB%n",
        phase,
        r.reports(),
        r.failures(),
        r.assets(),
        r.seconds(),
        r.assetsPerSecond(),
        r.percentileMillis(50),
        r.percentileMillis(95),
        r.percentileMillis(99),
        r.percentileMillis(100),
        collector.peakHeapMib());
  }

  private static void awaitIdle(Connection db) throws Exception {
    long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000L;
    // one due row is enough to know: counting all of them every 200 ms cost PostgreSQL 74 ms a
    // poll (8.5 s of a sync), work the collector under test then shared its two cores with
    while (count(db, "SELECT COUNT(*) FROM (SELECT 1 FROM correlation_due LIMIT 1) due") > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("correlation not idle after 30 minutes");
      }
      Thread.sleep(200);
    }
  }

  private static long count(Connection db, String sql) throws Exception {
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static double since(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static String database(BenchSettings s, EmbeddedPostgres pg) throws Exception {
    if (pg == null) {
      return "jdbc:sqlite:" + s.out().resolve("data/collector.db");
    }
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE collector");
    }
    return "jdbc:postgresql://localhost:" + pg.getPort() + "/collector";
  }

  private static String yaml(BenchSettings s, String jdbcUrl) {
    String storage =
        s.postgresql()
            ? "storage:\n  kind: postgresql\n  postgresql:\n    url: "
                + jdbcUrl
                + "\n    user: postgres\n"
            : "storage:\n  kind: sqlite\n";
    return "listen:\n  host: 127.0.0.1\n  port: 0\n"
        + "dataDirectory: data\n"
        + storage
        + "advisories:\n  maxBatchDocuments: 1000\n"
        + "correlation:\n  intervalMillis: 1000\n";
  }

  /** The corpus split into the documents imported first and the ones the sync brings. */
  record Corpus(int total, List<byte[]> base, List<byte[]> sync, List<CsafDocument> documents) {
    static Corpus read(Path dir, int syncCount) throws Exception {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(dir)) {
        files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      }
      CsafReader reader = new CsafReader();
      List<byte[]> usable = new ArrayList<>();
      List<CsafDocument> documents = new ArrayList<>();
      for (Path f : files) {
        byte[] bytes = Files.readAllBytes(f);
        if (reader.read(bytes) instanceof CsafDocument d) {
          usable.add(bytes);
          documents.add(d);
        }
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < usable.size(); i++) {
        if (!SyntheticFleet.products(List.of(documents.get(i))).isEmpty()) {
          order.add(i);
        }
      }
      Collections.shuffle(order, new Random(7));
      List<Integer> picked = order.subList(0, Math.min(syncCount, order.size()));
      List<byte[]> base = new ArrayList<>();
      List<byte[]> sync = new ArrayList<>();
      for (int i = 0; i < usable.size(); i++) {
        (picked.contains(i) ? sync : base).add(usable.get(i));
      }
      return new Corpus(files.size(), base, sync, documents);
    }
  }
}
