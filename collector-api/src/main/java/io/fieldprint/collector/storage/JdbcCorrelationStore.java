package io.fieldprint.collector.storage;

import io.fieldprint.advisories.prioritise.KevCatalog;
import io.fieldprint.advisories.prioritise.KevEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** {@link CorrelationStore} over JDBC, one SQL text for SQLite and PostgreSQL. */
public final class JdbcCorrelationStore implements CorrelationStore {
  private final Jdbc jdbc;
  private final Clock clock;
  private final AdvisoryTable advisories;
  private final MatchTable matches = new MatchTable();
  private final VendorKeyTable vendorKeys = new VendorKeyTable();
  private final KevTable kev = new KevTable();
  private final AlertTable alerts;
  private final CorrelationBatch batch;

  /** A store with its own {@link WriterQueue} (the only store writing to its database). */
  public JdbcCorrelationStore(DataSource dataSource, Dialect dialect, Clock clock) {
    this(dataSource, dialect, clock, WriterQueue.forDialect(dialect));
  }

  /** A store whose write transactions queue in {@code writers} with the database's other stores. */
  public JdbcCorrelationStore(
      DataSource dataSource, Dialect dialect, Clock clock, WriterQueue writers) {
    this.jdbc = new Jdbc(dataSource, writers);
    this.clock = clock;
    this.advisories = new AdvisoryTable(dialect);
    this.alerts = new AlertTable(dialect);
    this.batch =
        new CorrelationBatch(jdbc, dialect, clock, advisories, matches, vendorKeys, kev, alerts);
  }

  @Override
  public AdvisoryPut putAdvisory(NewAdvisory advisory, String actor) {
    return jdbc.transaction(c -> advisories.put(c, advisory, clock.millis(), actor));
  }

  @Override
  public void rejectAdvisory(AdvisoryRejection rejection, String actor) {
    jdbc.transaction(
        c -> {
          advisories.reject(c, rejection, actor);
          return null;
        });
  }

  @Override
  public List<AdvisoryRejection> rejections(int limit) {
    return jdbc.read(c -> advisories.rejections(c, limit));
  }

  @Override
  public List<StoredAdvisory> advisories() {
    return jdbc.read(advisories::list);
  }

  @Override
  public Map<String, String> advisoryVersions() {
    return jdbc.read(advisories::versions);
  }

  @Override
  public Optional<String> advisoryJson(String trackingId) {
    return jdbc.read(c -> advisories.json(c, trackingId));
  }

  @Override
  public CorrelationRun correlateDue(int limit, AssetMatcher matcher, AlertRouter router) {
    return batch.run(limit, matcher, router);
  }

  @Override
  public int replaceKev(KevCatalog catalog, String actor) {
    return jdbc.transaction(
        c -> {
          kev.replace(c, catalog);
          AuditLog.append(
              c,
              clock.millis(),
              actor,
              "kev.replace",
              null,
              "catalogVersion="
                  + catalog.catalogVersion()
                  + " entries="
                  + catalog.entries().size());
          return catalog.entries().size();
        });
  }

  @Override
  public Set<String> kevCves() {
    return jdbc.read(kev::cves);
  }

  @Override
  public List<KevEntry> kevEntries() {
    return jdbc.read(kev::entries);
  }

  @Override
  public List<StoredMatch> matches(String siteId, int limit, int offset) {
    return jdbc.read(c -> matches.ofSite(c, siteId, limit, offset));
  }

  @Override
  public List<StoredMatch> assetMatches(String assetUid) {
    return jdbc.read(c -> matches.ofAsset(c, assetUid));
  }

  @Override
  public Map<String, List<StoredMatch>> assetMatches(List<String> assetUids) {
    return jdbc.read(c -> matches.ofAssets(c, assetUids));
  }

  @Override
  public boolean triage(String assetUid, String advisoryId, TriageDecision decision, String actor) {
    return jdbc.transaction(c -> matches.triage(c, assetUid, advisoryId, decision));
  }

  @Override
  public List<Alert> alerts(String siteId, int limit, int offset) {
    return jdbc.read(c -> alerts.ofSite(c, siteId, limit, offset));
  }

  @Override
  public Optional<Alert> alert(long id) {
    return jdbc.read(c -> alerts.byId(c, id));
  }

  @Override
  public boolean acknowledge(long alertId, String actor) {
    return jdbc.transaction(c -> alerts.acknowledge(c, alertId, actor, clock.millis()));
  }

  @Override
  public List<OutboxItem> claimDeliveries(int limit, Duration lease) {
    Instant now = clock.instant();
    return jdbc.backgroundTransaction(
        c -> alerts.claim(c, limit, now.toEpochMilli(), now.plus(lease).toEpochMilli()));
  }

  @Override
  public void delivered(long outboxId) {
    jdbc.backgroundTransaction(
        c -> {
          alerts.delivered(c, outboxId, clock.millis());
          return null;
        });
  }

  @Override
  public void deliveryFailed(long outboxId, String error, Optional<Instant> retryAt) {
    jdbc.backgroundTransaction(
        c -> {
          alerts.failed(c, outboxId, error, retryAt);
          return null;
        });
  }

  @Override
  public List<DeadLetter> deadLetters(Optional<String> siteId, int limit) {
    return jdbc.read(c -> alerts.dead(c, siteId, limit));
  }
}
