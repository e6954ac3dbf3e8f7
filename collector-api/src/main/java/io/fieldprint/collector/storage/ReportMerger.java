package io.fieldprint.collector.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Merges one report into its site inside the caller's transaction: reported values replace stored
 * ones, absent values keep them, addresses and protocols accumulate (bounded), evidence keeps the
 * latest entry per decoder and origin, and new devices and firmware changes become events.
 */
final class ReportMerger {
  /** Most addresses or protocols kept per asset, so a chatty device cannot grow a row forever. */
  static final int MAX_LIST = 64;

  /** Asset ids per {@code IN (...)} read; well under every driver's parameter limit. */
  private static final int READ_CHUNK = 500;

  private static final String INSERT_NEW =
      "INSERT INTO assets (site_id, asset_id, uid, name, vendor, product, model, firmware,"
          + " hardware, serial, role, ip_json, mac_json, protocols_json, first_seen, last_seen,"
          + " last_report_agent, last_report_at, correlated_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)"
          + " ON CONFLICT (site_id, asset_id) DO NOTHING";
  private static final String UPDATE =
      "UPDATE assets SET name = ?, vendor = ?, product = ?, model = ?, firmware = ?, hardware = ?,"
          + " serial = ?, role = ?, ip_json = ?, mac_json = ?, protocols_json = ?, first_seen = ?,"
          + " last_seen = ?, last_report_agent = ?, last_report_at = ?, silent_since = NULL,"
          + " correlated_at = CASE WHEN ? = 1 THEN NULL ELSE correlated_at END"
          + " WHERE site_id = ? AND asset_id = ?";
  private static final String UPSERT_EVIDENCE =
      "INSERT INTO asset_evidence (site_id, asset_id, source, origin, observed_at, fields_json,"
          + " received_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (site_id, asset_id, source, origin) DO UPDATE SET"
          + " observed_at = excluded.observed_at, fields_json = excluded.fields_json,"
          + " received_at = excluded.received_at";
  private static final String INSERT_EVENT =
      "INSERT INTO asset_events (site_id, asset_id, kind, old_value, new_value, agent_id,"
          + " report_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPSERT_FINDING =
      "INSERT INTO findings (site_id, asset_id, rule, severity, title, detail, occurrences,"
          + " first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (site_id, asset_id, rule) DO UPDATE SET severity = excluded.severity,"
          + " title = excluded.title, detail = excluded.detail,"
          + " occurrences = excluded.occurrences, last_seen = excluded.last_seen";

  private final Dialect dialect;
  private final Supplier<String> uids;

  ReportMerger(Dialect dialect, Supplier<String> uids) {
    this.dialect = dialect;
    this.uids = uids;
  }

  /**
   * Merges every asset and finding; the caller has already claimed the report id and holds the
   * site's write lock. The stored rows of the report's assets are read (and locked) in one query,
   * new rows inserted and changed rows updated in one JDBC batch each.
   */
  IngestOutcome merge(Connection c, IncomingReport report, Instant now) throws SQLException {
    // one lock order for every transaction (asset id), so concurrent writers never deadlock
    List<ReportedAsset> ordered = new ArrayList<>(report.assets());
    ordered.sort(Comparator.comparing(ReportedAsset::assetId));
    Map<String, Existing> stored = existing(c, report.siteId(), ordered);
    List<ReportedAsset> fresh = new ArrayList<>();
    List<ReportedAsset> known = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ReportedAsset a : ordered) {
      boolean first = seen.add(a.assetId());
      (first && !stored.containsKey(a.assetId()) ? fresh : known).add(a);
    }
    List<Object[]> events = new ArrayList<>();
    List<ReportedAsset> raced = insertNew(c, report, fresh, now, events);
    for (ReportedAsset a : fresh) {
      stored.putIfAbsent(a.assetId(), new Existing(MergedAsset.inserted(a, report, now), false));
    }
    if (!raced.isEmpty()) {
      // inserted by another transaction since the read above: merge into the rows it wrote
      raced.forEach(a -> stored.remove(a.assetId()));
      stored.putAll(existing(c, report.siteId(), raced));
      known.addAll(raced);
      known.sort(Comparator.comparing(ReportedAsset::assetId));
    }
    int firmware = updateKnown(c, report, known, stored, now, events);
    writeEvidence(c, report.siteId(), ordered, now);
    batch(c, INSERT_EVENT, events);
    int findings = writeFindings(c, report, now);
    int created = fresh.size() - raced.size();
    return new IngestOutcome(true, report.assets().size(), created, firmware, findings);
  }

  /** Inserts the assets not stored yet; returns those another transaction inserted first. */
  private List<ReportedAsset> insertNew(
      Connection c, IncomingReport r, List<ReportedAsset> fresh, Instant now, List<Object[]> events)
      throws SQLException {
    if (fresh.isEmpty()) {
      return List.of();
    }
    int[] counts;
    List<String> uidsBound = new ArrayList<>(fresh.size());
    try (PreparedStatement ps = c.prepareStatement(INSERT_NEW)) {
      for (ReportedAsset a : fresh) {
        uidsBound.add(bindNew(ps, r, a, now));
        ps.addBatch();
      }
      counts = ps.executeBatch();
    }
    boolean[] inserted = inserted(c, r.siteId(), fresh, counts, uidsBound);
    List<ReportedAsset> raced = new ArrayList<>();
    for (int i = 0; i < fresh.size(); i++) {
      ReportedAsset a = fresh.get(i);
      if (!inserted[i]) {
        raced.add(a);
      } else {
        events.add(event(r, a, AssetEvent.NEW_DEVICE, null, a.firmware().orElse(null), now));
      }
    }
    return raced;
  }

  /**
   * Which rows of the insert batch went in: from the update counts, or, when the driver rewrote the
   * batch into multi-row inserts and reports no counts (PostgreSQL's {@code
   * reWriteBatchedInserts}), from the uid each stored row carries.
   */
  private boolean[] inserted(
      Connection c, String site, List<ReportedAsset> fresh, int[] counts, List<String> uidsBound)
      throws SQLException {
    boolean[] out = new boolean[fresh.size()];
    if (Arrays.stream(counts).noneMatch(n -> n == Statement.SUCCESS_NO_INFO)) {
      for (int i = 0; i < out.length; i++) {
        out[i] = counts[i] != 0;
      }
      return out;
    }
    Map<String, Existing> stored = existing(c, site, fresh);
    for (int i = 0; i < out.length; i++) {
      Existing e = stored.get(fresh.get(i).assetId());
      out[i] = e != null && e.row().uid().equals(uidsBound.get(i));
    }
    return out;
  }

  /** Binds a new row; returns the uid it was given. */
  private String bindNew(PreparedStatement ps, IncomingReport r, ReportedAsset a, Instant now)
      throws SQLException {
    int i = 1;
    String uid = uids.get();
    ps.setString(i++, r.siteId());
    ps.setString(i++, a.assetId());
    ps.setString(i++, uid);
    for (Optional<String> v :
        List.of(
            a.name(), a.vendor(), a.product(), a.model(), a.firmware(), a.hardware(), a.serial())) {
      ps.setString(i++, v.orElse(null));
    }
    ps.setString(i++, a.role());
    ps.setString(i++, JsonLists.write(capped(a.ip())));
    ps.setString(i++, JsonLists.write(capped(a.mac())));
    ps.setString(i++, JsonLists.write(capped(a.protocols())));
    ps.setLong(i++, a.firstSeen().orElse(now).toEpochMilli());
    ps.setLong(i++, a.lastSeen().orElse(now).toEpochMilli());
    ps.setString(i++, r.agentId());
    ps.setLong(i, now.toEpochMilli());
    return uid;
  }

  /**
   * Merges reported assets into their stored rows in one batch; a repeated asset id merges into the
   * result of its earlier entry. Returns the number of firmware changes.
   */
  private int updateKnown(
      Connection c,
      IncomingReport r,
      List<ReportedAsset> known,
      Map<String, Existing> stored,
      Instant now,
      List<Object[]> events)
      throws SQLException {
    if (known.isEmpty()) {
      return 0;
    }
    int firmware = 0;
    try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
      for (ReportedAsset a : known) {
        Existing old = stored.get(a.assetId());
        if (old == null) {
          throw new SQLException("asset " + a.assetId() + " vanished inside its transaction");
        }
        MergedAsset m = MergedAsset.of(old.row(), a, now);
        if (m.firmwareChanged()) {
          firmware++;
          events.add(
              event(
                  r,
                  a,
                  AssetEvent.FIRMWARE_CHANGED,
                  old.row().firmware().orElse(null),
                  a.firmware().orElse(null),
                  now));
        }
        if (old.silent()) {
          events.add(event(r, a, AssetEvent.SEEN_AGAIN, null, null, now));
        }
        m.bind(ps, r, now);
        ps.addBatch();
        stored.put(a.assetId(), new Existing(m.row(), false));
      }
      ps.executeBatch();
    }
    return firmware;
  }

  /** The stored rows of {@code assets} (ordered by asset id), locked where the database can. */
  private Map<String, Existing> existing(Connection c, String site, List<ReportedAsset> assets)
      throws SQLException {
    Map<String, Existing> out = new HashMap<>();
    List<String> ids = assets.stream().map(ReportedAsset::assetId).distinct().sorted().toList();
    for (int from = 0; from < ids.size(); from += READ_CHUNK) {
      List<String> part = ids.subList(from, Math.min(ids.size(), from + READ_CHUNK));
      String sql =
          AssetRows.SELECT_WITH_SILENCE
              + " WHERE site_id = ? AND asset_id IN ("
              + String.join(", ", Collections.nCopies(part.size(), "?"))
              + ") ORDER BY asset_id"
              + dialect.lockRow();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, site);
        for (int i = 0; i < part.size(); i++) {
          ps.setString(i + 2, part.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            StoredAsset row = AssetRows.read(rs);
            out.put(
                row.assetId(),
                new Existing(row, AssetRows.instant(rs, "silent_since").isPresent()));
          }
        }
      }
    }
    return out;
  }

  private void writeEvidence(Connection c, String site, List<ReportedAsset> assets, Instant now)
      throws SQLException {
    // one row per key, the last one reported: a multi-row upsert may not touch a row twice
    Map<List<String>, Object[]> rows = new LinkedHashMap<>();
    for (ReportedAsset a : assets) {
      for (ReportedAsset.ReportedEvidence e : a.evidence()) {
        rows.put(
            List.of(a.assetId(), e.source(), e.origin()),
            new Object[] {
              site,
              a.assetId(),
              e.source(),
              e.origin(),
              e.at().map(Instant::toEpochMilli).orElse(null),
              e.fieldsJson(),
              now.toEpochMilli()
            });
      }
    }
    batch(c, UPSERT_EVIDENCE, List.copyOf(rows.values()));
  }

  private int writeFindings(Connection c, IncomingReport r, Instant now) throws SQLException {
    // one row per key, the last one reported: a multi-row upsert may not touch a row twice
    Map<List<String>, Object[]> rows = new LinkedHashMap<>();
    List<ReportedFinding> ordered = new ArrayList<>(r.findings());
    ordered.sort(
        Comparator.comparing(ReportedFinding::assetId).thenComparing(ReportedFinding::rule));
    for (ReportedFinding f : ordered) {
      rows.put(
          List.of(f.assetId(), f.rule()),
          new Object[] {
            r.siteId(),
            f.assetId(),
            f.rule(),
            f.severity(),
            f.title(),
            f.detail(),
            f.occurrences(),
            now.toEpochMilli(),
            now.toEpochMilli()
          });
    }
    batch(c, UPSERT_FINDING, List.copyOf(rows.values()));
    return rows.size();
  }

  /** A stored row and whether the asset was silent until this report. */
  private record Existing(StoredAsset row, boolean silent) {}

  private static Object[] event(
      IncomingReport r, ReportedAsset a, String kind, String old, String now, Instant at) {
    return new Object[] {
      r.siteId(), a.assetId(), kind, old, now, r.agentId(), r.reportId(), at.toEpochMilli()
    };
  }

  private static void batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          bind(ps, i + 1, row[i]);
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else if (value instanceof Long l) {
      ps.setLong(index, l);
    } else if (value instanceof Integer n) {
      ps.setInt(index, n);
    } else {
      ps.setString(index, value.toString());
    }
  }

  static List<String> union(List<String> reported, List<String> stored) {
    LinkedHashSet<String> all = new LinkedHashSet<>(reported);
    all.addAll(stored);
    return capped(List.copyOf(all));
  }

  private static List<String> capped(List<String> values) {
    return values.size() <= MAX_LIST ? values : values.subList(0, MAX_LIST);
  }

  static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
