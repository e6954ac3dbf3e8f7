package io.fieldprint.collector.storage;

import static io.fieldprint.collector.storage.CsafFixtures.S7_1500;
import static io.fieldprint.collector.storage.CsafFixtures.cisa;
import static io.fieldprint.collector.storage.CsafFixtures.cpu1516;
import static io.fieldprint.collector.storage.CsafFixtures.revised;
import static io.fieldprint.collector.storage.StoreFixtures.bare;
import static io.fieldprint.collector.storage.StoreFixtures.plc;
import static io.fieldprint.collector.storage.StoreFixtures.report;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.prioritise.KevCatalog;
import io.fieldprint.advisories.prioritise.KevEntry;
import io.fieldprint.collector.auth.Principal;
import io.fieldprint.collector.auth.Role;
import io.fieldprint.collector.correlation.AdvisoryImporter;
import io.fieldprint.collector.correlation.Correlator;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CollectorStore} must do, run against SQLite and a real PostgreSQL by the
 * subclasses. Each test gets a freshly migrated, empty database.
 */
abstract class CollectorStoreContract {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);

  CollectorStore store;
  DataSource dataSource;
  private MutableClock jobClock;
  private CorrelationStore correlations;
  private AdvisoryImporter importer;
  private Correlator correlator;

  /** A new, empty database (not yet migrated). */
  abstract DataSource freshDatabase() throws Exception;

  abstract Dialect dialect();

  @BeforeEach
  void openStore() throws Exception {
    dataSource = freshDatabase();
    Database.migrate(dataSource, dialect());
    AtomicInteger uid = new AtomicInteger();
    store =
        new JdbcCollectorStore(dataSource, dialect(), CLOCK, () -> "uid-" + uid.incrementAndGet());
    assertEquals(
        CreateResult.CREATED,
        store.createSite(new Site("plant-a", "Plant A", CLOCK.instant()), "test"));
    assertEquals(
        CreateResult.CREATED,
        store.createSite(new Site("plant-b", "Plant B", CLOCK.instant()), "test"));
    store.createAgent(new NewAgent("agent-a", "plant-a", "edge A", "hash-a"), "test");
    store.createAgent(new NewAgent("agent-b", "plant-b", "edge B", "hash-b"), "test");
    jobClock = new MutableClock(CLOCK.instant());
    correlations = new JdbcCorrelationStore(dataSource, dialect(), jobClock);
    importer = new AdvisoryImporter(correlations, new CsafReader(), jobClock);
    correlator = new Correlator(correlations, new CsafReader(), alert -> List.of("hook"), 50);
  }

  @Test
  void retriedReportIsAppliedOnce() {
    IncomingReport r =
        report("agent-a", "plant-a", "r-1", plc("mac:00:1b:1b:00:00:01", "Siemens", "V2.9.4"));
    IngestOutcome first = store.ingest(r);
    IngestOutcome retry = store.ingest(r);
    assertTrue(first.applied());
    assertEquals(1, first.newDevices());
    assertFalse(retry.applied());
    AssetDetail d = onlyAsset("plant-a");
    assertEquals(1, d.events().size(), "the retry recorded no second new-device event");
  }

  @Test
  void anAgentsLastReportAndVersionAreKept() {
    AgentInfo before = store.agents("plant-a").get(0);
    assertEquals(Optional.empty(), before.lastSeen());
    store.ingest(
        report("agent-a", "plant-a", "r-1", plc("mac:00:1b:1b:00:00:01", "Siemens", "V1")));
    AgentInfo after = store.agents("plant-a").get(0);
    assertEquals("agent-a", after.id());
    assertEquals(Optional.of(CLOCK.instant()), after.lastSeen());
    assertEquals(Optional.of("0.1.0"), after.version());
    assertEquals(List.of("agent-b"), store.agents("plant-b").stream().map(AgentInfo::id).toList());
  }

  @Test
  void firmwareChangeIsRecordedAndAbsentValuesKeepStoredOnes() {
    store.ingest(
        report("agent-a", "plant-a", "r-1", plc("mac:00:1b:1b:00:00:01", "Siemens", "V2.9.4")));
    ReportedAsset update = plc("mac:00:1b:1b:00:00:01", null, "V3.0.1");
    store.ingest(report("agent-a", "plant-a", "r-2", update));
    AssetDetail d = onlyAsset("plant-a");
    assertEquals(Optional.of("V3.0.1"), d.asset().firmware());
    assertEquals(Optional.of("Siemens"), d.asset().vendor(), "a report without vendor keeps it");
    AssetEvent latest = d.events().get(0);
    assertEquals(AssetEvent.FIRMWARE_CHANGED, latest.kind());
    assertEquals(Optional.of("V2.9.4"), latest.oldValue());
    assertEquals(Optional.of("V3.0.1"), latest.newValue());
    assertEquals("r-2", latest.reportId());
    assertEquals(1, d.evidence().size(), "evidence keeps the latest entry per decoder and origin");
    assertTrue(d.evidence().get(0).fieldsJson().contains("V3.0.1"));
  }

  @Test
  void unknownRoleDoesNotOverwriteAKnownOneAndAddressesAccumulate() {
    store.ingest(report("agent-a", "plant-a", "r-1", bare("ip:10.0.0.9", "plc")));
    ReportedAsset again =
        new ReportedAsset(
            "ip:10.0.0.9",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "unknown",
            List.of("10.0.0.19"),
            List.of(),
            List.of("enip"),
            Optional.empty(),
            Optional.empty(),
            List.of());
    store.ingest(report("agent-a", "plant-a", "r-2", again));
    StoredAsset a = onlyAsset("plant-a").asset();
    assertEquals("plc", a.role());
    assertEquals(Set.of("10.0.0.9", "10.0.0.19"), Set.copyOf(a.ip()));
    assertEquals(Set.of("modbus", "enip"), Set.copyOf(a.protocols()));
  }

  @Test
  void sitesKeepTheirOwnCopyOfTheSameDevice() {
    store.ingest(
        report("agent-a", "plant-a", "r-1", plc("mac:00:1b:1b:00:00:01", "Siemens", "V1")));
    store.ingest(
        report("agent-b", "plant-b", "r-1", plc("mac:00:1b:1b:00:00:01", "Siemens", "V2")));
    assertEquals(Optional.of("V1"), onlyAsset("plant-a").asset().firmware());
    assertEquals(Optional.of("V2"), onlyAsset("plant-b").asset().firmware());
  }

  @Test
  void assetsPageInIdOrderAndFilterByVendorAndRole() {
    List<ReportedAsset> many = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      many.add(
          plc(String.format("mac:00:1b:1b:00:00:%02x", i), i % 2 == 0 ? "Siemens" : "WAGO", "V1"));
    }
    many.add(bare("ip:10.0.0.9", "switch"));
    store.ingest(report("agent-a", "plant-a", "r-1", many.toArray(ReportedAsset[]::new)));
    AssetPage page =
        store.assets("plant-a", new AssetQuery(Optional.empty(), Optional.empty(), 3, 3));
    assertEquals(8, page.total());
    assertEquals(
        List.of("mac:00:1b:1b:00:00:02", "mac:00:1b:1b:00:00:03", "mac:00:1b:1b:00:00:04"),
        page.items().stream().map(StoredAsset::assetId).toList());
    assertEquals(
        4,
        store
            .assets("plant-a", new AssetQuery(Optional.of("siemens"), Optional.empty(), 50, 0))
            .total());
    assertEquals(
        1,
        store
            .assets("plant-a", new AssetQuery(Optional.empty(), Optional.of("switch"), 50, 0))
            .total());
    assertEquals(
        0,
        store.assets("plant-b", new AssetQuery(Optional.empty(), Optional.empty(), 50, 0)).total());
  }

  @Test
  void tokenHashesResolveToTheirPrincipal() {
    store.createUser(
        new NewUser("u1", "vera", Role.VIEWER, false, Set.of("plant-a"), "hash-vera"), "test");
    assertEquals(
        Optional.of(new Principal.Agent("agent-a", "plant-a", "edge A")),
        store.principalByTokenHash("hash-a"));
    Principal.User vera = (Principal.User) store.principalByTokenHash("hash-vera").orElseThrow();
    assertTrue(vera.canRead("plant-a"));
    assertFalse(vera.canRead("plant-b"));
    assertEquals(Optional.empty(), store.principalByTokenHash("hash-nobody"));
  }

  @Test
  void duplicatesAndUnknownSitesAreRefusedWithoutWriting() {
    assertEquals(
        CreateResult.DUPLICATE,
        store.createSite(new Site("plant-a", "Other", CLOCK.instant()), "test"));
    assertEquals("Plant A", store.site("plant-a").orElseThrow().name());
    assertEquals(
        CreateResult.NO_SUCH_SITE,
        store.createAgent(new NewAgent("x", "nowhere", "x", "hash-x"), "test"));
    assertEquals(
        CreateResult.DUPLICATE,
        store.createAgent(new NewAgent("agent-a", "plant-a", "y", "hash-y"), "test"));
    assertEquals(
        CreateResult.NO_SUCH_SITE,
        store.createUser(
            new NewUser("u2", "w", Role.VIEWER, false, Set.of("nowhere"), "hash-w"), "test"));
    assertEquals(Optional.empty(), store.principalByTokenHash("hash-x"));
  }

  @Test
  void auditLogRecordsAdministrationAndRefusesChanges() throws Exception {
    List<AuditEntry> entries = store.audit(10);
    assertEquals(
        List.of("agent.create", "agent.create", "site.create", "site.create"),
        entries.stream().map(AuditEntry::action).toList());
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      assertThrows(
          java.sql.SQLException.class, () -> s.executeUpdate("UPDATE audit_log SET actor = 'x'"));
      assertThrows(java.sql.SQLException.class, () -> s.executeUpdate("DELETE FROM audit_log"));
    }
    assertEquals(4, store.audit(10).size());
  }

  @Test
  void concurrentRetriesOfOneReportApplyItOnce() throws Exception {
    IncomingReport r =
        report("agent-a", "plant-a", "r-race", plc("mac:00:1b:1b:00:00:01", "Siemens", "V1"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<IngestOutcome>> tasks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        tasks.add(() -> store.ingest(r));
      }
      int applied = 0;
      for (Future<IngestOutcome> f : pool.invokeAll(tasks)) {
        applied += f.get().applied() ? 1 : 0;
      }
      assertEquals(1, applied);
      assertEquals(1, onlyAsset("plant-a").events().size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void overlappingReportsOfOneSiteSentAtOnceRecordEachDeviceOnce() throws Exception {
    for (int a = 2; a <= 6; a++) {
      store.createAgent(new NewAgent("agent-a" + a, "plant-a", "edge " + a, "hash-a" + a), "test");
    }
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      // round 1: 12 reports of 30 devices drawn from 60, each in its own order (all new, and
      // the same new device in several reports at once); round 2: drawn from 80 (known and new)
      Set<String> union = new HashSet<>();
      Set<String> firstRound = new HashSet<>();
      Set<String> upgraded = new HashSet<>();
      for (int round = 1; round <= 2; round++) {
        List<Callable<IngestOutcome>> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          List<String> ids = new ArrayList<>();
          for (int d = 0; d < (round == 1 ? 60 : 80); d++) {
            ids.add(String.format("mac:00:1b:1b:00:01:%02x", d));
          }
          Collections.shuffle(ids, new Random(round * 100L + i));
          List<String> chosen = ids.subList(0, 30);
          union.addAll(chosen);
          (round == 1 ? firstRound : upgraded).addAll(chosen);
          String firmware = "V" + round;
          ReportedAsset[] assets =
              chosen.stream().map(id -> plc(id, "Siemens", firmware)).toArray(ReportedAsset[]::new);
          String agent = i % 6 == 0 ? "agent-a" : "agent-a" + (i % 6 + 1);
          IncomingReport r = report(agent, "plant-a", "r-" + round + "-" + i, assets);
          tasks.add(() -> store.ingest(r));
        }
        for (Future<IngestOutcome> f : pool.invokeAll(tasks)) {
          assertTrue(f.get().applied());
        }
      }
      try (Connection c = dataSource.getConnection();
          Statement st = c.createStatement()) {
        assertEquals(
            union.size(), count(st, "SELECT count(*) FROM assets WHERE site_id = 'plant-a'"));
        assertEquals(
            union.size(),
            count(
                st,
                "SELECT count(*) FROM asset_events WHERE site_id = 'plant-a' AND kind = 'new_device'"),
            "one new-device event per device, however many reports brought it at once");
        upgraded.retainAll(firstRound);
        assertEquals(
            upgraded.size(),
            count(
                st,
                "SELECT count(*) FROM asset_events WHERE site_id = 'plant-a'"
                    + " AND kind = 'firmware_changed'"),
            "one firmware change per device upgraded, however many reports brought V2 at once");
        assertEquals(
            0,
            count(
                st,
                "SELECT count(*) FROM assets WHERE site_id = 'plant-a' AND firmware <> 'V1'"
                    + " AND firmware <> 'V2'"));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static long count(Statement st, String sql) throws java.sql.SQLException {
    try (java.sql.ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  // ---- advisories, correlation, triage, alerts, outbox ----

  @Test
  void aNewerRevisionReplacesTheAdvisoryAndAnOlderOrBrokenOneLeavesIt() throws Exception {
    byte[] v1 = cisa(S7_1500);
    assertEquals("new", importer.importDocument(v1, "t", "test").result());
    assertEquals("unchanged", importer.importDocument(v1, "t", "test").result());
    byte[] v2 = revised(v1, "2", "2024-01-01T00:00:00Z");
    assertEquals("revised", importer.importDocument(v2, "t", "test").result());
    byte[] older = revised(v1, "1.5", "2023-09-01T00:00:00Z");
    assertEquals("older_ignored", importer.importDocument(older, "t", "test").result());
    AdvisoryImporter.Outcome broken =
        importer.importDocument("{\"document\":{}}".getBytes(UTF_8), "broken.json", "test");
    assertEquals("rejected", broken.result());
    assertFalse(broken.reason().isBlank());
    List<CorrelationStore.StoredAdvisory> all = correlations.advisories();
    assertEquals(1, all.size());
    assertEquals("2", all.get(0).version());
    assertEquals(new String(v2, UTF_8), correlations.advisoryJson("ICSA-23-222-07").orElseThrow());
    assertEquals(broken.reason(), correlations.rejections(10).get(0).reason());
  }

  @Test
  void aVulnerableDeviceAlertsOnceAndLosesItsMatchWithoutAlertWhenFixed() throws Exception {
    store.ingest(report("agent-a", "plant-a", "r-1", cpu1516("mac:00:1b:1b:00:00:16", "V2.9.4")));
    importer.importDocument(cisa(S7_1500), "t", "test");
    CorrelationStore.CorrelationRun run = correlator.runUntilIdle();
    assertEquals(1, run.assets());
    assertEquals(1, run.alerts());
    List<CorrelationStore.StoredMatch> matches = correlations.matches("plant-a", 10, 0);
    assertEquals(1, matches.size());
    assertEquals(CorrelationStore.Confidence.HIGH, matches.get(0).confidence());
    assertTrue(matches.get(0).explanationJson().contains("\"fixedVersion\":\"V2.9.7\""));
    assertEquals(0, correlator.runUntilIdle().assets(), "nothing is due twice");

    store.ingest(report("agent-a", "plant-a", "r-2", cpu1516("mac:00:1b:1b:00:00:16", "V2.9.7")));
    CorrelationStore.CorrelationRun fixed = correlator.runUntilIdle();
    assertEquals(1, fixed.removed());
    assertEquals(0, fixed.alerts());
    assertEquals(List.of(), correlations.matches("plant-a", 10, 0));
    assertEquals(1, correlations.alerts("plant-a", 10, 0).size());
  }

  @Test
  void aRevisedAdvisoryMarksDueOnlyTheAssetsItsVendorsCanReach() throws Exception {
    store.ingest(
        report(
            "agent-a",
            "plant-a",
            "r-1",
            cpu1516("mac:00:1b:1b:00:00:16", "V2.9.4"),
            CsafFixtures.m580("mac:00:80:f4:00:00:01")));
    byte[] v1 = cisa(S7_1500);
    importer.importDocument(v1, "t", "test");
    assertEquals(2, correlator.runUntilIdle().assets(), "new assets are correlated once");
    importer.importDocument(revised(v1, "2", "2024-01-01T00:00:00Z"), "t", "test");
    CorrelationStore.CorrelationRun again = correlator.runUntilIdle();
    assertEquals(1, again.assets(), "the Schneider controller is not due for a Siemens advisory");
    assertEquals("2", correlations.matches("plant-a", 10, 0).get(0).advisoryVersion());
  }

  @Test
  void anUnchangedMatchIsNotRewrittenWhenItsAssetIsCorrelatedAgain() throws Exception {
    store.ingest(report("agent-a", "plant-a", "r-1", cpu1516("mac:00:1b:1b:00:00:16", "V2.9.4")));
    byte[] v1 = cisa(S7_1500);
    importer.importDocument(v1, "t", "test");
    correlator.runUntilIdle();
    String uid = onlyAsset("plant-a").asset().uid();
    Instant first = correlations.assetMatches(uid).get(0).updatedAt();
    jobClock.advance(Duration.ofHours(1));
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      st.executeUpdate(
          "INSERT INTO correlation_due (asset_uid) SELECT uid FROM assets WHERE true"
              + " ON CONFLICT DO NOTHING");
    }
    assertEquals(1, correlator.runUntilIdle().assets());
    assertEquals(first, correlations.assetMatches(uid).get(0).updatedAt(), "nothing changed");
    importer.importDocument(revised(v1, "2", "2024-01-01T00:00:00Z"), "t", "test");
    correlator.runUntilIdle();
    CorrelationStore.StoredMatch revisedMatch = correlations.assetMatches(uid).get(0);
    assertEquals("2", revisedMatch.advisoryVersion());
    assertEquals(jobClock.instant(), revisedMatch.updatedAt(), "a revision is written");
  }

  @Test
  void anAdvisoryImportedWhileABatchIsMatchedNeitherWaitsForItNorIsMissed() throws Exception {
    store.ingest(report("agent-a", "plant-a", "r-1", cpu1516("mac:00:1b:1b:00:00:16", "V2.9.4")));
    byte[] advisory = cisa(S7_1500);
    List<Map<String, String>> askedWith = new ArrayList<>();
    CorrelationStore.CorrelationRun run =
        correlations.correlateDue(
            10,
            (asset, versions) -> {
              askedWith.add(versions);
              if (askedWith.size() == 1) {
                // on this thread: an import that waited for the batch would never return
                importer.importDocument(advisory, "t", "test");
              }
              return versions.isEmpty() ? List.of() : List.of(found(versions));
            },
            alert -> List.of("hook"));
    assertEquals(
        List.of(Map.of(), Map.of("ICSA-23-222-07", "1")),
        askedWith,
        "matched again against the advisory imported meanwhile");
    assertEquals(1, run.alerts());
    assertEquals("1", correlations.matches("plant-a", 10, 0).get(0).advisoryVersion());
  }

  @Test
  void aFirmwareChangeReportedWhileABatchIsMatchedReplacesTheStaleResult() throws Exception {
    store.ingest(report("agent-a", "plant-a", "r-1", cpu1516("mac:00:1b:1b:00:00:16", "V2.9.4")));
    importer.importDocument(cisa(S7_1500), "t", "test");
    List<String> firmware = new ArrayList<>();
    correlations.correlateDue(
        10,
        (asset, versions) -> {
          firmware.add(asset.firmware().orElseThrow());
          if (firmware.size() == 1) {
            // on this thread: a report that waited for the batch would never return
            store.ingest(
                report("agent-a", "plant-a", "r-2", cpu1516("mac:00:1b:1b:00:00:16", "V2.9.7")));
          }
          return asset.firmware().get().equals("V2.9.4") ? List.of(found(versions)) : List.of();
        },
        alert -> List.of("hook"));
    assertEquals(List.of("V2.9.4", "V2.9.7"), firmware);
    assertEquals(List.of(), correlations.matches("plant-a", 10, 0), "the fixed firmware matches");
    assertEquals(List.of(), correlations.alerts("plant-a", 10, 0), "no alert for stale firmware");
  }

  @Test
  void aBatchSpoiledOnEveryAttemptIsFinallyMatchedInsideTheWriteTransaction() throws Exception {
    store.ingest(report("agent-a", "plant-a", "r-1", cpu1516("mac:00:1b:1b:00:00:16", "V1")));
    importer.importDocument(cisa(S7_1500), "t", "test");
    List<String> firmware = new ArrayList<>();
    CorrelationStore.CorrelationRun run =
        correlations.correlateDue(
            10,
            (asset, versions) -> {
              firmware.add(asset.firmware().orElseThrow());
              if (firmware.size() <= CorrelationBatch.OPTIMISTIC_ATTEMPTS) {
                String next = "V" + (firmware.size() + 1);
                store.ingest(
                    report(
                        "agent-a", "plant-a", "r-" + next, cpu1516("mac:00:1b:1b:00:00:16", next)));
              }
              return List.of(found(versions));
            },
            alert -> List.of("hook"));
    assertEquals(List.of("V1", "V2", "V3", "V4"), firmware, "three attempts, then one under lock");
    assertEquals(1, run.assets());
    assertEquals(1, correlations.matches("plant-a", 10, 0).size());
    assertEquals(0, correlator.runUntilIdle().assets(), "nothing left due");
  }

  @Test
  void aBatchLargerThanOneWriteStoresEveryAsset() throws Exception {
    List<ReportedAsset> cpus = new ArrayList<>();
    for (int i = 0; i < CorrelationBatch.writeChunk(dialect()) * 2 + 7; i++) {
      cpus.add(cpu1516(String.format("mac:00:1b:1b:00:02:%02x", i), "V2.9.4"));
    }
    store.ingest(
        new IncomingReport("agent-a", "plant-a", "r-1", Optional.empty(), cpus, List.of()));
    importer.importDocument(cisa(S7_1500), "t", "test");
    CorrelationStore.CorrelationRun run =
        correlations.correlateDue(
            500, (asset, versions) -> List.of(found(versions)), a -> List.of());
    assertEquals(cpus.size(), run.assets());
    assertEquals(cpus.size(), run.alerts());
    assertEquals(0, correlator.runUntilIdle().assets(), "nothing left due");
  }

  @Test
  void alertsCreatedInSeveralStatementsKeepTheirOwnIdsAndAnExistingAlertIsNotCreatedTwice()
      throws Exception {
    int n = AlertTable.Inserts.ALERT_ROWS * 2 + 50;
    List<AlertTable.Pending> pending = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StoredAsset asset =
          new StoredAsset(
              "uid-alert-" + i,
              "plant-a",
              "mac:00:1b:1b:00:03:" + i,
              Optional.empty(),
              Optional.of("Siemens"),
              Optional.empty(),
              Optional.empty(),
              Optional.of("V2.9.4"),
              Optional.empty(),
              Optional.empty(),
              "plc",
              List.of(),
              List.of(),
              List.of(),
              CLOCK.instant(),
              CLOCK.instant());
      pending.add(new AlertTable.Pending(asset, found(Map.of("ICSA-23-222-07", "1")), "new"));
    }
    AlertTable table = new AlertTable(dialect());
    List<CorrelationStore.Alert> created = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      try (AlertTable.Inserts inserts = table.inserts(c)) {
        assertEquals(10, inserts.create(pending.subList(0, 10), 1L).size());
      }
      try (AlertTable.Inserts inserts = table.inserts(c)) {
        created.addAll(inserts.create(pending, 2L));
        for (CorrelationStore.Alert a : created) {
          inserts.enqueue(a.id(), "hook", 2L);
          inserts.enqueue(a.id(), "siem", 2L);
        }
        inserts.flush();
      }
      assertEquals(n - 10, created.size(), "the 10 stored before are not created again");
      assertEquals(
          pending.subList(10, n).stream().map(p -> p.asset().uid()).toList(),
          created.stream().map(CorrelationStore.Alert::assetUid).toList(),
          "created alerts come back in the order asked for");
      Map<String, Long> stored = new HashMap<>();
      try (Statement st = c.createStatement();
          java.sql.ResultSet rs = st.executeQuery("SELECT id, asset_uid FROM alerts")) {
        while (rs.next()) {
          stored.put(rs.getString(2), rs.getLong(1));
        }
      }
      assertEquals(n, stored.size());
      for (CorrelationStore.Alert a : created) {
        assertEquals(stored.get(a.assetUid()), a.id(), "the id of " + a.assetUid());
      }
      try (Statement st = c.createStatement()) {
        assertEquals(2L * (n - 10), count(st, "SELECT count(*) FROM alert_outbox"));
      }
    }
  }

  private static CorrelationStore.FoundMatch found(Map<String, String> versions) {
    return new CorrelationStore.FoundMatch(
        "ICSA-23-222-07",
        versions.get("ICSA-23-222-07"),
        CorrelationStore.Confidence.HIGH,
        Optional.empty(),
        Optional.empty(),
        "Siemens SIMATIC S7-1500",
        "{}");
  }

  @Test
  void aRevisionThatNoLongerNamesTheVendorRemovesTheEarlierMatch() throws Exception {
    store.ingest(
        report(
            "agent-a",
            "plant-a",
            "r-1",
            cpu1516("mac:00:1b:1b:00:00:16", "V2.9.4"),
            CsafFixtures.m580("mac:00:80:f4:00:00:01")));
    byte[] v1 = cisa(S7_1500);
    importer.importDocument(v1, "t", "test");
    correlator.runUntilIdle();
    assertEquals(1, correlations.matches("plant-a", 10, 0).size());
    byte[] elsewhere =
        CsafFixtures.withVendor(revised(v1, "2", "2024-01-01T00:00:00Z"), "Acme Automation");
    assertEquals("revised", importer.importDocument(elsewhere, "t", "test").result());
    CorrelationStore.CorrelationRun again = correlator.runUntilIdle();
    assertEquals(1, again.assets(), "only the asset that matched the previous version is due");
    assertEquals(1, again.removed());
    assertEquals(List.of(), correlations.matches("plant-a", 10, 0));
  }

  @Test
  void higherConfidenceAndANewRevisionThatStillMatchesEachAlert() throws Exception {
    store.ingest(report("agent-a", "plant-a", "r-1", cpu1516("mac:00:1b:1b:00:00:16", null)));
    byte[] v1 = cisa(S7_1500);
    importer.importDocument(v1, "t", "test");
    correlator.runUntilIdle();
    store.ingest(report("agent-a", "plant-a", "r-2", cpu1516("mac:00:1b:1b:00:00:16", "V2.9.4")));
    correlator.runUntilIdle();
    importer.importDocument(revised(v1, "2", "2024-01-01T00:00:00Z"), "t", "test");
    correlator.runUntilIdle();
    List<String> kinds =
        correlations.alerts("plant-a", 10, 0).stream()
            .map(a -> a.kind() + "/" + a.confidence().wire() + "/" + a.advisoryVersion())
            .toList();
    assertEquals(List.of("revised/high/2", "upgraded/high/1", "new/low/1"), kinds);
  }

  @Test
  void triageIsKeptAcrossRecorrelationShownWithTheMatchAndAudited() throws Exception {
    store.ingest(report("agent-a", "plant-a", "r-1", cpu1516("mac:00:1b:1b:00:00:16", "V2.9.4")));
    byte[] v1 = cisa(S7_1500);
    importer.importDocument(v1, "t", "test");
    correlator.runUntilIdle();
    String uid = correlations.matches("plant-a", 10, 0).get(0).assetUid();
    CorrelationStore.TriageDecision d =
        new CorrelationStore.TriageDecision(
            "not_affected",
            Optional.of("inline_mitigations_already_exist"),
            Optional.of("cell firewall"),
            "user:alice",
            CLOCK.instant());
    assertTrue(correlations.triage(uid, "ICSA-23-222-07", d, "user:alice"));
    assertFalse(correlations.triage(uid, "ICSA-00-000-00", d, "user:alice"));
    importer.importDocument(revised(v1, "2", "2024-01-01T00:00:00Z"), "t", "test");
    correlator.runUntilIdle();
    CorrelationStore.StoredMatch m = correlations.assetMatches(uid).get(0);
    assertEquals("2", m.advisoryVersion());
    assertEquals("not_affected", m.triage().orElseThrow().state());
    assertEquals(
        "inline_mitigations_already_exist", m.triage().orElseThrow().justification().orElseThrow());
    AuditEntry last =
        store.audit(50).stream().filter(e -> e.action().equals("triage.set")).findFirst().get();
    assertEquals(Optional.of("plant-a"), last.siteId());
    assertTrue(last.detail().contains("state=not_affected"), last.detail());
  }

  @Test
  void identicalDevicesEachGetAMatchExplainingThemselves() throws Exception {
    store.ingest(
        report(
            "agent-a",
            "plant-a",
            "r-1",
            cpu1516("mac:00:1b:1b:00:00:16", "V2.9.4"),
            cpu1516("mac:00:1b:1b:00:00:17", "V2.9.4")));
    importer.importDocument(cisa(S7_1500), "t", "test");
    assertEquals(2, correlator.runUntilIdle().alerts());
    List<String> explained =
        correlations.matches("plant-a", 10, 0).stream()
            .map(m -> m.explanationJson().replaceAll(".*\"assetId\":\"([^\"]+)\".*", "$1"))
            .sorted()
            .toList();
    assertEquals(List.of("mac:00:1b:1b:00:00:16", "mac:00:1b:1b:00:00:17"), explained);
  }

  @Test
  void matchesOfManyAssetsAreReadAtOnceAsEachAssetsOwn() throws Exception {
    store.ingest(
        report(
            "agent-a",
            "plant-a",
            "r-1",
            cpu1516("mac:00:1b:1b:00:00:16", "V2.9.4"),
            cpu1516("mac:00:1b:1b:00:00:17", "V2.9.7"),
            cpu1516("mac:00:1b:1b:00:00:18", "V2.9.4")));
    importer.importDocument(cisa(S7_1500), "t", "test");
    correlator.runUntilIdle();
    List<String> uids = new ArrayList<>();
    for (StoredAsset a :
        store
            .assets("plant-a", new AssetQuery(Optional.empty(), Optional.empty(), 10, 0))
            .items()) {
      uids.add(a.uid());
    }
    uids.add("no-such-asset");
    Map<String, List<CorrelationStore.StoredMatch>> many = correlations.assetMatches(uids);
    assertEquals(2, many.size(), "the fixed V2.9.7 and the unknown uid have no entry");
    for (String uid : many.keySet()) {
      assertEquals(correlations.assetMatches(uid), many.get(uid));
    }
  }

  @Test
  void alertsAndMatchesStayInTheirSite() throws Exception {
    store.ingest(report("agent-a", "plant-a", "r-1", cpu1516("mac:00:1b:1b:00:00:16", "V2.9.4")));
    importer.importDocument(cisa(S7_1500), "t", "test");
    correlator.runUntilIdle();
    assertEquals(1, correlations.alerts("plant-a", 10, 0).size());
    assertEquals(List.of(), correlations.alerts("plant-b", 10, 0));
    assertEquals(List.of(), correlations.matches("plant-b", 10, 0));
  }

  @Test
  void aFailedDeliveryWaitsItsBackOffThenDiesAndIsListed() throws Exception {
    store.ingest(report("agent-a", "plant-a", "r-1", cpu1516("mac:00:1b:1b:00:00:16", "V2.9.4")));
    importer.importDocument(cisa(S7_1500), "t", "test");
    correlator.runUntilIdle();
    Duration lease = Duration.ofMinutes(2);
    List<CorrelationStore.OutboxItem> first = correlations.claimDeliveries(10, lease);
    assertEquals(1, first.size());
    assertEquals("hook", first.get(0).destination());
    assertEquals(1, first.get(0).attempts());
    assertEquals(List.of(), correlations.claimDeliveries(10, lease), "claimed rows are leased");
    correlations.deliveryFailed(
        first.get(0).id(), "HTTP 500", Optional.of(jobClock.instant().plusSeconds(30)));
    jobClock.advance(Duration.ofSeconds(29));
    assertEquals(List.of(), correlations.claimDeliveries(10, lease), "still backing off");
    jobClock.advance(Duration.ofSeconds(1));
    CorrelationStore.OutboxItem second = correlations.claimDeliveries(10, lease).get(0);
    assertEquals(2, second.attempts());
    correlations.deliveryFailed(second.id(), "HTTP 500", Optional.empty());
    jobClock.advance(Duration.ofHours(1));
    assertEquals(List.of(), correlations.claimDeliveries(10, lease), "dead rows are not retried");
    CorrelationStore.DeadLetter dead = correlations.deadLetters(Optional.of("plant-a"), 10).get(0);
    assertEquals("HTTP 500", dead.lastError());
    assertEquals(List.of(), correlations.deadLetters(Optional.of("plant-b"), 10));
  }

  @Test
  void anAcknowledgementIsRecordedOnceAndAudited() throws Exception {
    store.ingest(report("agent-a", "plant-a", "r-1", cpu1516("mac:00:1b:1b:00:00:16", "V2.9.4")));
    importer.importDocument(cisa(S7_1500), "t", "test");
    correlator.runUntilIdle();
    long id = correlations.alerts("plant-a", 10, 0).get(0).id();
    assertTrue(correlations.acknowledge(id, "user:bob"));
    assertFalse(correlations.acknowledge(id, "user:carol"));
    assertEquals(Optional.of("user:bob"), correlations.alert(id).orElseThrow().ackedBy());
    assertEquals("alert.ack", store.audit(1).get(0).action());
  }

  @Test
  void assetNamedByNoReportForTheThresholdGoesSilentOnceAndIsSeenAgainOnItsNextReport() {
    AtomicInteger uid = new AtomicInteger();
    JdbcCollectorStore timed =
        new JdbcCollectorStore(dataSource, dialect(), jobClock, () -> "t-" + uid.incrementAndGet());
    ReportedAsset quiet = plc("mac:00:1b:1b:00:00:01", "Siemens", "V1");
    ReportedAsset chatty = plc("mac:00:1b:1b:00:00:02", "Siemens", "V1");
    timed.ingest(report("agent-a", "plant-a", "r-1", quiet, chatty));
    jobClock.advance(Duration.ofHours(2));
    timed.ingest(report("agent-a", "plant-a", "r-2", chatty));
    Duration threshold = Duration.ofHours(1);

    assertEquals(new SilenceRun(true, 1), timed.recordSilence(threshold));
    assertEquals(new SilenceRun(true, 0), timed.recordSilence(threshold), "recorded once");
    List<AssetEvent> events = eventsOf("mac:00:1b:1b:00:00:01");
    assertEquals(AssetEvent.GONE_SILENT, events.get(0).kind());
    assertEquals("agent-a", events.get(0).agentId(), "the agent that reported it last");
    assertEquals(Optional.of(CLOCK.instant().toString()), events.get(0).oldValue());
    assertEquals(jobClock.instant(), events.get(0).at());
    assertEquals(AssetEvent.NEW_DEVICE, eventsOf("mac:00:1b:1b:00:00:02").get(0).kind());

    jobClock.advance(Duration.ofMinutes(10));
    timed.ingest(report("agent-a", "plant-a", "r-3", quiet));
    events = eventsOf("mac:00:1b:1b:00:00:01");
    assertEquals(AssetEvent.SEEN_AGAIN, events.get(0).kind());
    assertEquals("r-3", events.get(0).reportId());
    assertEquals(new SilenceRun(true, 0), timed.recordSilence(threshold));

    jobClock.advance(Duration.ofHours(3));
    assertEquals(new SilenceRun(true, 2), timed.recordSilence(threshold), "silent again, both");
  }

  @Test
  void largeReportMixingNewAndKnownAssetsRecordsEveryChangeOnce() {
    List<ReportedAsset> first = new ArrayList<>();
    List<ReportedAsset> second = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      String id = String.format("mac:00:1b:1b:00:%02x:%02x", i >> 8, i & 0xff);
      if (i < 300) {
        first.add(plc(id, "Siemens", "V1"));
      }
      second.add(plc(id, null, i % 2 == 0 ? "V2" : "V1"));
    }
    store.ingest(
        new IncomingReport("agent-a", "plant-a", "r-1", Optional.empty(), first, List.of()));
    IngestOutcome o =
        store.ingest(
            new IncomingReport("agent-a", "plant-a", "r-2", Optional.empty(), second, List.of()));
    assertEquals(300, o.newDevices());
    assertEquals(150, o.firmwareChanges());
    AssetPage page =
        store.assets("plant-a", new AssetQuery(Optional.empty(), Optional.empty(), 500, 0));
    assertEquals(600, page.total());
    List<StoredAsset> known =
        store
            .assets("plant-a", new AssetQuery(Optional.of("Siemens"), Optional.empty(), 500, 0))
            .items();
    assertEquals(300, known.size(), "the known assets kept their vendor");
    assertEquals(150, known.stream().filter(k -> k.firmware().equals(Optional.of("V2"))).count());
  }

  @Test
  void assetNamedTwiceInOneReportMergesBothEntries() {
    ReportedAsset a = plc("mac:00:1b:1b:00:00:01", "Siemens", "V1");
    ReportedAsset b = plc("mac:00:1b:1b:00:00:01", null, "V2");
    IngestOutcome o = store.ingest(report("agent-a", "plant-a", "r-1", a, b));
    assertEquals(1, o.newDevices());
    assertEquals(1, o.firmwareChanges());
    AssetDetail d = onlyAsset("plant-a");
    assertEquals(Optional.of("V2"), d.asset().firmware());
    assertEquals(Optional.of("Siemens"), d.asset().vendor());
    assertEquals(1, d.evidence().size(), "one entry per decoder and origin: the later one");
    assertTrue(d.evidence().get(0).fieldsJson().contains("V2"), d.evidence().get(0).fieldsJson());
  }

  @Test
  void aFindingReportedTwiceInOneReportIsStoredOnceWithTheLaterDetail() {
    ReportedAsset a = plc("mac:00:1b:1b:00:00:01", "Siemens", "V1");
    List<ReportedFinding> findings =
        List.of(
            new ReportedFinding(a.assetId(), "cleartext.telnet", "medium", "Telnet", "first", 1),
            new ReportedFinding(a.assetId(), "cleartext.telnet", "medium", "Telnet", "second", 2));
    store.ingest(
        new IncomingReport("agent-a", "plant-a", "r-1", Optional.empty(), List.of(a), findings));
    List<StoredFinding> stored = onlyAsset("plant-a").findings();
    assertEquals(1, stored.size());
    assertEquals(Optional.of("second"), stored.get(0).detail());
  }

  private List<AssetEvent> eventsOf(String assetId) {
    StoredAsset a =
        store
            .assets("plant-a", new AssetQuery(Optional.empty(), Optional.empty(), 500, 0))
            .items()
            .stream()
            .filter(x -> x.assetId().equals(assetId))
            .findFirst()
            .orElseThrow();
    return store.asset(a.uid()).orElseThrow().events();
  }

  private AssetDetail onlyAsset(String site) {
    AssetPage page = store.assets(site, new AssetQuery(Optional.empty(), Optional.empty(), 10, 0));
    assertEquals(1, page.total());
    return store.asset(page.items().get(0).uid()).orElseThrow();
  }

  @Test
  void aKevCatalogReplacesThePreviousOneWhole() {
    correlations.replaceKev(
        new KevCatalog(
            "1",
            "2026-01-01",
            List.of(
                new KevEntry(
                    "CVE-2021-44228",
                    "Apache",
                    "Log4j2",
                    "Log4Shell",
                    "2021-12-10",
                    "2021-12-24",
                    "Known"),
                new KevEntry(
                    "CVE-2023-0286", "OpenSSL", "OpenSSL", "X.400", "2023-03-01", "", ""))),
        "test");
    assertEquals(Set.of("CVE-2021-44228", "CVE-2023-0286"), correlations.kevCves());
    assertEquals(
        new KevEntry(
            "CVE-2021-44228", "Apache", "Log4j2", "Log4Shell", "2021-12-10", "2021-12-24", "Known"),
        correlations.kevEntries().get(0));
    assertEquals(
        new KevEntry("CVE-2023-0286", "OpenSSL", "OpenSSL", "X.400", "2023-03-01", "", ""),
        correlations.kevEntries().get(1));

    correlations.replaceKev(
        new KevCatalog(
            "2",
            "2026-02-01",
            List.of(new KevEntry("CVE-2024-1", "v", "p", "n", "2024-01-01", "2024-01-22", ""))),
        "test");
    assertEquals(Set.of("CVE-2024-1"), correlations.kevCves());
  }
}
