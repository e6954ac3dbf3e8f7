package io.fieldprint.collector.storage;

import io.fieldprint.advisories.prioritise.KevCatalog;
import io.fieldprint.advisories.prioritise.KevEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** {@link CorrelationStore} over JDBC, one SQL text for SQLite and PostgreSQL. */
public final class JdbcCorrelationStore implements CorrelationStore {
  private final Jdbc jdbc;
  private final Dialect dialect;
  private final Clock clock;
  private final AdvisoryTable advisories;
  private final MatchTable matches = new MatchTable();
  private final VendorKeyTable vendorKeys = new VendorKeyTable();
  private final KevTable kev = new KevTable();
  private final AlertTable alerts;

  /** A store with its own {@link WriterQueue} (the only store writing to its database). */
  public JdbcCorrelationStore(DataSource dataSource, Dialect dialect, Clock clock) {
    this(dataSource, dialect, clock, WriterQueue.forDialect(dialect));
  }

  /** A store whose write transactions queue in {@code writers} with the database's other stores. */
  public JdbcCorrelationStore(
      DataSource dataSource, Dialect dialect, Clock clock, WriterQueue writers) {
    this.jdbc = new Jdbc(dataSource, writers);
    this.dialect = dialect;
    this.clock = clock;
    this.advisories = new AdvisoryTable(dialect);
    this.alerts = new AlertTable(dialect);
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
  public Optional<String> advisoryJson(String trackingId) {
    return jdbc.read(c -> advisories.json(c, trackingId));
  }

  @Override
  public CorrelationRun correlateDue(int limit, AssetMatcher matcher, AlertRouter router) {
    return jdbc.transaction(
        c -> {
          dialect.lock(c, Dialect.ADVISORIES_LOCK, true);
          List<StoredAsset> due = claimDue(c, limit);
          if (due.isEmpty()) {
            return new CorrelationRun(0, 0, 0, 0);
          }
          // an advisory change waits for this transaction (the lock above), then marks these again
          Map<String, String> versions = advisories.versions(c);
          Set<String> kevCves = kev.cves(c);
          long now = clock.millis();
          int[] counts = new int[3];
          // one read of the batch's stored matches, one write of its vendor keys and marks
          Map<String, Map<String, MatchTable.Previous>> previous =
              matches.previous(c, due.stream().map(StoredAsset::uid).toList());
          for (StoredAsset asset : due) {
            Map<String, MatchTable.Previous> before =
                previous.getOrDefault(asset.uid(), new java.util.HashMap<>());
            correlate(
                c, asset, matcher.match(asset, versions), before, router, kevCves, now, counts);
          }
          vendorKeys.write(c, due);
          markCorrelated(c, due, now);
          return new CorrelationRun(due.size(), counts[0], counts[1], counts[2]);
        });
  }

  private static void markCorrelated(Connection c, List<StoredAsset> assets, long now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE assets SET correlated_at = ? WHERE uid = ?")) {
      for (StoredAsset a : assets) {
        ps.setLong(1, now);
        ps.setString(2, a.uid());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private List<StoredAsset> claimDue(Connection c, int limit) throws SQLException {
    String sql =
        AssetRows.SELECT
            + " WHERE correlated_at IS NULL ORDER BY uid LIMIT ?"
            + dialect.claimRows();
    List<StoredAsset> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(AssetRows.read(rs));
        }
      }
    }
    return out;
  }

  /** Stores the differences for one asset; counts[] is added, removed, alerts. */
  private void correlate(
      Connection c,
      StoredAsset asset,
      List<FoundMatch> found,
      Map<String, MatchTable.Previous> previous,
      AlertRouter router,
      Set<String> kevCves,
      long now,
      int[] counts)
      throws SQLException {
    for (FoundMatch f : found) {
      MatchTable.Change change = matches.write(c, asset, f, previous.remove(f.advisoryId()), now);
      if (change == MatchTable.Change.NEW) {
        counts[0]++;
      }
      if (change == MatchTable.Change.SAME) {
        continue;
      }
      String kind = change.name().toLowerCase(java.util.Locale.ROOT);
      Optional<Alert> alert = alerts.create(c, asset, f, kind, now);
      if (alert.isPresent()) {
        counts[2]++;
        for (String destination : router.destinations(alert.get(), kevCves)) {
          alerts.enqueue(c, alert.get().id(), destination, now);
        }
      }
    }
    // what no longer matches (fixed firmware, withdrawn product) goes without an alert
    for (String gone : previous.keySet()) {
      matches.delete(c, asset.uid(), gone);
      counts[1]++;
    }
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
    return jdbc.transaction(
        c -> alerts.claim(c, limit, now.toEpochMilli(), now.plus(lease).toEpochMilli()));
  }

  @Override
  public void delivered(long outboxId) {
    jdbc.transaction(
        c -> {
          alerts.delivered(c, outboxId, clock.millis());
          return null;
        });
  }

  @Override
  public void deliveryFailed(long outboxId, String error, Optional<Instant> retryAt) {
    jdbc.transaction(
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
