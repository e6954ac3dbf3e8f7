package io.fieldprint.collector.storage;

import static io.fieldprint.collector.storage.CsafFixtures.S7_1500;
import static io.fieldprint.collector.storage.CsafFixtures.cisa;
import static io.fieldprint.collector.storage.CsafFixtures.cpu1516;
import static io.fieldprint.collector.storage.CsafFixtures.m580;
import static io.fieldprint.collector.storage.StoreFixtures.bare;
import static io.fieldprint.collector.storage.StoreFixtures.plc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.prioritise.KevCatalog;
import io.fieldprint.advisories.prioritise.KevEntry;
import io.fieldprint.collector.correlation.AdvisoryImporter;
import io.fieldprint.collector.correlation.Correlator;
import io.fieldprint.collector.storage.CorrelationStore.TriageDecision;
import io.fieldprint.collector.storage.DashboardStore.SiteOverview;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the dashboard's queries must answer, on SQLite and a real PostgreSQL (the subclasses): asset
 * listing filters, sort and paging, the site overview's aggregates, firmware history, the devices
 * an advisory affects.
 */
abstract class DashboardStoreContract {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);

  private CollectorStore store;
  private CorrelationStore correlations;
  private DashboardStore dashboard;
  private AdvisoryImporter importer;
  private Correlator correlator;

  abstract DataSource freshDatabase() throws Exception;

  abstract Dialect dialect();

  @BeforeEach
  void openStore() throws Exception {
    DataSource ds = freshDatabase();
    Database.migrate(ds, dialect());
    AtomicInteger uid = new AtomicInteger();
    store = new JdbcCollectorStore(ds, dialect(), CLOCK, () -> "uid-" + uid.incrementAndGet());
    store.createSite(new Site("plant-a", "Plant A", CLOCK.instant()), "test");
    store.createSite(new Site("plant-b", "Plant B", CLOCK.instant()), "test");
    store.createAgent(new NewAgent("agent-a", "plant-a", "edge A", "hash-a"), "test");
    store.createAgent(new NewAgent("agent-b", "plant-b", "edge B", "hash-b"), "test");
    correlations = new JdbcCorrelationStore(ds, dialect(), CLOCK);
    dashboard = new JdbcDashboardStore(ds);
    importer = new AdvisoryImporter(correlations, new CsafReader(), CLOCK);
    correlator = new Correlator(correlations, new CsafReader(), alert -> List.of(), 50);
  }

  private void report(String site, String id, List<ReportedAsset> assets, ReportedFinding... f) {
    store.ingest(
        new IncomingReport(
            "agent-" + site.substring(site.length() - 1),
            site,
            id,
            Optional.of("0.1.0"),
            assets,
            List.of(f)));
  }

  private AssetPage list(AssetQuery q) {
    return store.assets("plant-a", q);
  }

  private static AssetQuery query(
      Optional<String> text,
      Optional<String> protocol,
      Optional<Boolean> hasMatch,
      boolean kev,
      Optional<String> finding,
      AssetSort sort,
      int limit,
      int offset) {
    return new AssetQuery(
        Optional.empty(),
        Optional.empty(),
        text,
        protocol,
        hasMatch,
        kev,
        finding,
        sort,
        limit,
        offset);
  }

  private static AssetQuery text(String t) {
    return query(
        Optional.of(t),
        Optional.empty(),
        Optional.empty(),
        false,
        Optional.empty(),
        AssetSort.BY_ID,
        100,
        0);
  }

  @Test
  void listingSearchesFiltersSortsAndPagesWithinTheSite() {
    report(
        "plant-a",
        "r-1",
        List.of(plc("p1", "Siemens", "V2.8"), plc("p2", "Siemens", "V2.9"), bare("m1", "io")),
        new ReportedFinding(
            "m1", "modbus-unauthenticated", "high", "Modbus without auth", null, 3));
    report("plant-b", "r-b", List.of(plc("p9", "Siemens", "V1.0")));

    assertEquals(2, list(text("c-x4u")).total(), "serial, any case");
    assertEquals(1, list(text("10.0.0.9")).total(), "IP");
    assertEquals(0, list(text("%")).total(), "a LIKE wildcard is a literal");
    assertEquals(0, list(text("_")).total());
    AssetQuery modbus =
        query(
            Optional.empty(),
            Optional.of("modbus"),
            Optional.empty(),
            false,
            Optional.empty(),
            AssetSort.BY_ID,
            100,
            0);
    assertEquals(List.of("m1"), list(modbus).items().stream().map(StoredAsset::assetId).toList());
    AssetQuery anyFinding =
        query(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            false,
            Optional.of("any"),
            AssetSort.BY_ID,
            100,
            0);
    assertEquals(1, list(anyFinding).total());
    AssetQuery otherRule =
        query(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            false,
            Optional.of("telnet-open"),
            AssetSort.BY_ID,
            100,
            0);
    assertEquals(0, list(otherRule).total());

    AssetSort byFirmwareDown = AssetSort.parse("-firmware").orElseThrow();
    AssetQuery sorted =
        query(
            Optional.of("siemens"),
            Optional.empty(),
            Optional.empty(),
            false,
            Optional.empty(),
            byFirmwareDown,
            1,
            1);
    AssetPage second = list(sorted);
    assertEquals(2, second.total());
    assertEquals("p1", second.items().get(0).assetId(), "V2.8 after V2.9, descending");
    assertTrue(AssetSort.parse("ip_json").isEmpty(), "only whitelisted columns");
  }

  @Test
  void matchesKevTriageAndFindingsShapeTheOverviewAndSummaries() throws Exception {
    report(
        "plant-a",
        "r-1",
        List.of(cpu1516("c1", "V2.9.4"), cpu1516("c2", "V2.9.4"), m580("s1")),
        new ReportedFinding(
            "s1", "modbus-unauthenticated", "high", "Modbus without auth", null, 1));
    report("plant-b", "r-b", List.of(cpu1516("c9", "V2.9.4")));
    importer.importDocument(cisa(S7_1500), "t", "test");
    correlator.runUntilIdle();

    SiteOverview o = dashboard.overview("plant-a");
    assertEquals(3, o.assets());
    assertEquals(2, o.matchedDevices());
    assertEquals(0, o.kevDevices());
    assertEquals("Siemens AG", o.topVendors().get(0).key().orElseThrow());
    assertEquals(2, o.topVendors().get(0).count());
    assertEquals(1, o.topFindings().get(0).devices());
    assertEquals(2, o.openAlerts());

    String cve = correlations.assetMatches("uid-1").get(0).explanationJson().split("CVE-")[1];
    String kevCve = "CVE-" + cve.substring(0, cve.indexOf('"'));
    correlations.replaceKev(
        new KevCatalog(
            "1",
            "2024-01-01",
            List.of(new KevEntry(kevCve, null, null, null, "2024-01-01", null, null))),
        "test");
    assertEquals(2, dashboard.overview("plant-a").kevDevices());
    AssetQuery kevOnly =
        query(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            true,
            Optional.empty(),
            AssetSort.BY_ID,
            100,
            0);
    assertEquals(2, list(kevOnly).total());
    AssetQuery noMatch =
        query(
            Optional.empty(),
            Optional.empty(),
            Optional.of(false),
            false,
            Optional.empty(),
            AssetSort.BY_ID,
            100,
            0);
    assertEquals(List.of("s1"), list(noMatch).items().stream().map(StoredAsset::assetId).toList());

    correlations.triage(
        "uid-1",
        "ICSA-23-222-07",
        new TriageDecision(
            "not_affected",
            Optional.of("inline_mitigations_already_exist"),
            Optional.empty(),
            "test",
            CLOCK.instant()),
        "test");
    SiteOverview after = dashboard.overview("plant-a");
    assertEquals(1, after.matchedDevices(), "a not_affected match is no longer open");
    var summaries = dashboard.summaries("plant-a", List.of("uid-1", "uid-3"));
    assertEquals(1, summaries.get("uid-1").matches());
    assertEquals(0, summaries.get("uid-1").openMatches());
    assertTrue(summaries.get("uid-1").kev());
    assertEquals(1, summaries.get("uid-3").findings());
    assertTrue(dashboard.summaries("plant-b", List.of("uid-1")).isEmpty(), "other site's uid");

    assertEquals(2, dashboard.affected("ICSA-23-222-07", false, Set.of("plant-a")).size());
    assertEquals(3, dashboard.affected("ICSA-23-222-07", true, Set.of()).size());
    assertTrue(dashboard.affected("ICSA-23-222-07", false, Set.of()).isEmpty());
    assertEquals(
        Optional.of("not_affected"),
        dashboard.affected("ICSA-23-222-07", false, Set.of("plant-a")).stream()
            .filter(a -> a.uid().equals("uid-1"))
            .findFirst()
            .orElseThrow()
            .triageState());
  }

  @Test
  void firmwareHistoryIsTheFirstReportThenEachChange() {
    report("plant-a", "r-1", List.of(plc("p1", "Siemens", "V2.8")));
    report("plant-a", "r-2", List.of(plc("p1", "Siemens", "V2.9")));
    report("plant-a", "r-3", List.of(plc("p1", "Siemens", "V2.9")));
    var history = dashboard.firmwareHistory("uid-1").orElseThrow();
    assertEquals("plant-a", history.siteId());
    assertEquals(2, history.changes().size());
    assertEquals(Optional.empty(), history.changes().get(0).from());
    assertEquals(Optional.of("V2.8"), history.changes().get(0).firmware());
    assertEquals(Optional.of("V2.8"), history.changes().get(1).from());
    assertEquals("r-2", history.changes().get(1).reportId());
    assertFalse(dashboard.firmwareHistory("uid-404").isPresent());
  }
}
