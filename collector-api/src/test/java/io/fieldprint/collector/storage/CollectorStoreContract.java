package io.fieldprint.collector.storage;

import static io.fieldprint.collector.storage.StoreFixtures.bare;
import static io.fieldprint.collector.storage.StoreFixtures.plc;
import static io.fieldprint.collector.storage.StoreFixtures.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.collector.auth.Principal;
import io.fieldprint.collector.auth.Role;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  private CollectorStore store;
  private DataSource dataSource;

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

  private AssetDetail onlyAsset(String site) {
    AssetPage page = store.assets(site, new AssetQuery(Optional.empty(), Optional.empty(), 10, 0));
    assertEquals(1, page.total());
    return store.asset(page.items().get(0).uid()).orElseThrow();
  }
}
