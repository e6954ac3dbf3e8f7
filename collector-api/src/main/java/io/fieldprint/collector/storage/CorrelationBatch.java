package io.fieldprint.collector.storage;

import io.fieldprint.collector.storage.CorrelationStore.AlertRouter;
import io.fieldprint.collector.storage.CorrelationStore.AssetMatcher;
import io.fieldprint.collector.storage.CorrelationStore.CorrelationRun;
import io.fieldprint.collector.storage.CorrelationStore.FoundMatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One correlation batch, matched outside the write transaction so that reports and advisory imports
 * do not wait for matching CPU:
 *
 * <ol>
 *   <li>read the due assets and the current advisory versions (no write lock);
 *   <li>match them;
 *   <li>in short write transactions of {@link #writeChunk} assets, each under the shared advisories
 *       lock: if the advisories changed meanwhile (their generation moved), stop (and start again
 *       when nothing was stored); otherwise store the matches of the assets that are still due with
 *       the identity they were matched with, and leave the others due.
 * </ol>
 *
 * <p>After {@link #OPTIMISTIC_ATTEMPTS} attempts spoiled by concurrent changes, the batch is
 * claimed and matched inside the write transaction, as a bound on the work a busy collector can
 * waste.
 */
final class CorrelationBatch {
  static final int OPTIMISTIC_ATTEMPTS = 3;

  /**
   * Assets per write transaction of phase 3. On SQLite every write waits for the one before it, so
   * the transactions are kept short for the reports queued behind them; on PostgreSQL a report
   * waits only for the rows it shares with a correlation write, and fewer, larger transactions
   * spare the per-transaction round trips and commits.
   */
  static int writeChunk(Dialect dialect) {
    return dialect.locksRows() ? 100 : 10;
  }

  /** Assets per {@code IN (...)} re-read; well under every driver's parameter limit. */
  private static final int READ_CHUNK = 500;

  /**
   * The queued assets, joined to their queue rows: a claim ({@code FOR UPDATE}) locks both, and
   * PostgreSQL re-checks a claimed row against its latest version, so a queue row another collector
   * deleted (correlated) since this statement's snapshot drops out. A subquery on the queue would
   * still see it in the snapshot, and the asset would be correlated twice.
   */
  private static final String DUE_ASSETS =
      AssetRows.SELECT.replace(
          " FROM assets", " FROM assets JOIN correlation_due d ON d.asset_uid = assets.uid");

  /** Marks an asset correlated: it leaves the queue. */
  private static final String UNMARK_DUE = "DELETE FROM correlation_due WHERE asset_uid = ?";

  private final Jdbc jdbc;
  private final Dialect dialect;
  private final Clock clock;
  private final AdvisoryTable advisories;
  private final MatchTable matches;
  private final VendorKeyTable vendorKeys;
  private final KevTable kev;
  private final AlertTable alerts;

  CorrelationBatch(
      Jdbc jdbc,
      Dialect dialect,
      Clock clock,
      AdvisoryTable advisories,
      MatchTable matches,
      VendorKeyTable vendorKeys,
      KevTable kev,
      AlertTable alerts) {
    this.jdbc = jdbc;
    this.dialect = dialect;
    this.clock = clock;
    this.advisories = advisories;
    this.matches = matches;
    this.vendorKeys = vendorKeys;
    this.kev = kev;
    this.alerts = alerts;
  }

  CorrelationRun run(int limit, AssetMatcher matcher, AlertRouter router) {
    for (int attempt = 1; attempt <= OPTIMISTIC_ATTEMPTS; attempt++) {
      Snapshot snapshot = jdbc.read(c -> snapshot(c, limit));
      if (snapshot.assets().isEmpty()) {
        return new CorrelationRun(0, 0, 0, 0);
      }
      Map<String, List<FoundMatch>> found =
          matcher.matchAll(snapshot.assets(), snapshot.versions());
      Map<String, Matched> matched = new LinkedHashMap<>();
      for (StoredAsset a : snapshot.assets()) {
        matched.put(a.uid(), new Matched(MatchIdentity.of(a), found.get(a.uid())));
      }
      CorrelationRun stored = store(snapshot.generation(), matched, router);
      if (stored.assets() > 0) {
        return stored;
      }
    }
    return jdbc.backgroundTransaction(c -> matchLocked(c, limit, matcher, router));
  }

  /**
   * Phase 3 in transactions of {@link #writeChunk} assets, so a report waits for a short write at
   * most; stops at the first part whose advisories changed (the rest stays due).
   */
  private CorrelationRun store(long matchedWith, Map<String, Matched> matched, AlertRouter router) {
    CorrelationRun stored = new CorrelationRun(0, 0, 0, 0);
    List<String> uids = List.copyOf(matched.keySet());
    int chunk = writeChunk(dialect);
    for (int from = 0; from < uids.size(); from += chunk) {
      Map<String, Matched> part = new LinkedHashMap<>();
      for (String uid : uids.subList(from, Math.min(uids.size(), from + chunk))) {
        part.put(uid, matched.get(uid));
      }
      Optional<CorrelationRun> run =
          jdbc.backgroundTransaction(c -> storeIfCurrent(c, matchedWith, part, router));
      if (run.isEmpty()) {
        break;
      }
      stored = stored.plus(run.get());
    }
    return stored;
  }

  /**
   * Stores the matches of the assets still due with the identity they were matched for; empty when
   * the advisories changed since the batch read them.
   */
  private Optional<CorrelationRun> storeIfCurrent(
      Connection c, long matchedWith, Map<String, Matched> matched, AlertRouter router)
      throws SQLException {
    // an advisory import waits for this lock, so the generation read next stays current until
    // commit (on SQLite the write transaction itself keeps imports out)
    dialect.lock(c, Dialect.ADVISORIES_LOCK, true);
    if (advisories.generation(c) != matchedWith) {
      return Optional.empty();
    }
    List<StoredAsset> still = new ArrayList<>();
    Map<String, List<FoundMatch>> found = new HashMap<>();
    for (StoredAsset a : stillDue(c, matched.keySet())) {
      Matched m = matched.get(a.uid());
      if (m.identity().equals(MatchIdentity.of(a))) {
        still.add(a);
        found.put(a.uid(), m.found());
      }
    }
    return Optional.of(store(c, still, found, router));
  }

  /** The bounded fallback: claim, match and store in one write transaction. */
  private CorrelationRun matchLocked(
      Connection c, int limit, AssetMatcher matcher, AlertRouter router) throws SQLException {
    dialect.lock(c, Dialect.ADVISORIES_LOCK, true);
    List<StoredAsset> due = due(c, limit, dialect.claimRows());
    Map<String, String> versions = advisories.versions(c);
    return store(c, due, matcher.matchAll(due, versions), router);
  }

  private CorrelationRun store(
      Connection c,
      List<StoredAsset> assets,
      Map<String, List<FoundMatch>> found,
      AlertRouter router)
      throws SQLException {
    if (assets.isEmpty()) {
      return new CorrelationRun(0, 0, 0, 0);
    }
    KevCves kevCves = new KevCves(c);
    long now = clock.millis();
    int[] counts = new int[3];
    // one read of the batch's stored matches, one write of its vendor keys and marks
    Map<String, Map<String, MatchTable.Previous>> previous =
        matches.previous(c, assets.stream().map(StoredAsset::uid).toList());
    try (MatchTable.Writes writes = matches.writes(c);
        AlertTable.Inserts inserts = alerts.inserts(c)) {
      List<AlertTable.Pending> pending = new ArrayList<>();
      for (StoredAsset asset : assets) {
        Map<String, MatchTable.Previous> before =
            previous.getOrDefault(asset.uid(), new HashMap<>());
        correlate(c, writes, asset, found.get(asset.uid()), before, now, counts, pending);
      }
      writes.execute();
      for (CorrelationStore.Alert alert : inserts.create(pending, now)) {
        counts[2]++;
        for (String destination : router.destinations(alert, kevCves.get())) {
          inserts.enqueue(alert.id(), destination, now);
        }
      }
      inserts.flush();
    }
    vendorKeys.write(c, assets);
    markCorrelated(c, assets);
    return new CorrelationRun(assets.size(), counts[0], counts[1], counts[2]);
  }

  /**
   * Stores the match differences of one asset and adds the alerts they call for to {@code pending};
   * counts[] is added, removed.
   */
  private void correlate(
      Connection c,
      MatchTable.Writes writes,
      StoredAsset asset,
      List<FoundMatch> found,
      Map<String, MatchTable.Previous> previous,
      long now,
      int[] counts,
      List<AlertTable.Pending> pending)
      throws SQLException {
    for (FoundMatch f : found) {
      MatchTable.Change change = writes.add(asset, f, previous.remove(f.advisoryId()), now);
      if (change == MatchTable.Change.NEW) {
        counts[0]++;
      }
      if (change != MatchTable.Change.SAME) {
        pending.add(
            new AlertTable.Pending(asset, f, change.name().toLowerCase(java.util.Locale.ROOT)));
      }
    }
    // what no longer matches (fixed firmware, withdrawn product) goes without an alert
    for (String gone : previous.keySet()) {
      matches.delete(c, asset.uid(), gone);
      counts[1]++;
    }
  }

  private List<StoredAsset> due(Connection c, int limit, String suffix) throws SQLException {
    String sql = DUE_ASSETS + " ORDER BY d.asset_uid LIMIT ?" + suffix;
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

  /**
   * The rows of {@code uids} that are still due, locked until commit where rows can be; a row a
   * report is merging into right now is skipped (it stays due for the next batch), so the two never
   * wait for each other's row locks.
   */
  private List<StoredAsset> stillDue(Connection c, Set<String> uids) throws SQLException {
    List<String> all = List.copyOf(uids);
    List<StoredAsset> out = new ArrayList<>();
    for (int from = 0; from < all.size(); from += READ_CHUNK) {
      List<Object> args = new ArrayList<>();
      String in =
          InList.of("uid", all.subList(from, Math.min(all.size(), from + READ_CHUNK)), args);
      String sql = DUE_ASSETS + " WHERE " + in + " ORDER BY uid" + dialect.claimRows();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < args.size(); i++) {
          ps.setObject(i + 1, args.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(AssetRows.read(rs));
          }
        }
      }
    }
    return out;
  }

  private static void markCorrelated(Connection c, List<StoredAsset> assets) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UNMARK_DUE)) {
      for (StoredAsset a : assets) {
        ps.setString(1, a.uid());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Phase 1. The generation is read before the versions: an import committing between the two reads
   * leaves newer versions under an older generation, which only makes the store step match the
   * batch again; the other order could store matches against versions it never saw.
   */
  private Snapshot snapshot(Connection c, int limit) throws SQLException {
    long generation = advisories.generation(c);
    Map<String, String> versions = advisories.versions(c);
    return new Snapshot(due(c, limit, ""), versions, generation);
  }

  /** What phase 1 read: the due assets, the advisory versions and their generation. */
  private record Snapshot(
      List<StoredAsset> assets, Map<String, String> versions, long generation) {}

  /** The CVE ids of the stored KEV catalog, read once and only when an alert is routed. */
  private final class KevCves {
    private final Connection c;
    private Set<String> cves;

    KevCves(Connection c) {
      this.c = c;
    }

    Set<String> get() throws SQLException {
      if (cves == null) {
        cves = kev.cves(c);
      }
      return cves;
    }
  }

  /** An asset's matches and the identity they were computed for. */
  private record Matched(MatchIdentity identity, List<FoundMatch> found) {}
}
