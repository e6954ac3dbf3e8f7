package io.fieldprint.collector.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
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

  private static final String INSERT =
      "INSERT INTO assets (site_id, asset_id, uid, name, vendor, product, model, firmware,"
          + " hardware, serial, role, ip_json, mac_json, protocols_json, first_seen, last_seen,"
          + " last_report_agent, last_report_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /**
   * Inserts the row or, when the device is stored, only locks it: PostgreSQL locks every row an
   * {@code ON CONFLICT DO UPDATE} meets, also those its {@code WHERE} leaves unchanged. The column
   * named is no key, so the lock is {@code FOR NO KEY UPDATE} and foreign-key checks of other
   * tables' rows (triage, matches) do not wait for the report.
   */
  static final String INSERT_OR_LOCK =
      INSERT
          + " ON CONFLICT (site_id, asset_id) DO UPDATE"
          + " SET last_report_at = assets.last_report_at WHERE false";

  private static final String UPDATE =
      "UPDATE assets SET name = ?, vendor = ?, product = ?, model = ?, firmware = ?, hardware = ?,"
          + " serial = ?, role = ?, ip_json = ?, mac_json = ?, protocols_json = ?, first_seen = ?,"
          + " last_seen = ?, last_report_agent = ?, last_report_at = ?, silent_since = NULL"
          + " WHERE site_id = ? AND asset_id = ?";

  /** Queues an asset for correlation (a new device, or its identity changed). */
  private static final String MARK_DUE =
      "INSERT INTO correlation_due (asset_uid) VALUES (?) ON CONFLICT DO NOTHING";

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
   * Merges every asset and finding; the caller has already claimed the report id. Where the
   * database locks rows (PostgreSQL) every asset row of the report is inserted or locked in one
   * pass in asset-id order, so overlapping reports of one site never wait on each other in a cycle
   * and a new device is inserted exactly once; on SQLite the write transaction is exclusive, the
   * stored rows are read and only the missing ones inserted. Changed rows are then updated in one
   * JDBC batch.
   */
  IngestOutcome merge(Connection c, IncomingReport report, Instant now) throws SQLException {
    List<ReportedAsset> ordered = new ArrayList<>(report.assets());
    ordered.sort(Comparator.comparing(ReportedAsset::assetId));
    Set<String> ids = new HashSet<>();
    List<ReportedAsset> firsts = ordered.stream().filter(a -> ids.add(a.assetId())).toList();
    Map<String, Existing> stored = new HashMap<>();
    List<ReportedAsset> created =
        dialect.locksRows()
            ? insertOrLock(c, report, firsts, now, stored)
            : readThenInsert(c, report, firsts, now, stored);
    Set<String> createdIds = new HashSet<>();
    List<Object[]> events = new ArrayList<>();
    for (ReportedAsset a : created) {
      createdIds.add(a.assetId());
      events.add(event(report, a, AssetEvent.NEW_DEVICE, null, a.firmware().orElse(null), now));
    }
    // every entry but the one that created its row merges; a repeated id merges into the row its
    // earlier entry produced
    List<ReportedAsset> known = new ArrayList<>(ordered.size());
    Set<String> passed = new HashSet<>();
    for (ReportedAsset a : ordered) {
      if (!(passed.add(a.assetId()) && createdIds.contains(a.assetId()))) {
        known.add(a);
      }
    }
    List<String> due = new ArrayList<>();
    for (ReportedAsset a : created) {
      due.add(stored.get(a.assetId()).row().uid());
    }
    int firmware = updateKnown(c, report, known, stored, now, events, due);
    markDue(c, due);
    writeEvidence(c, report.siteId(), ordered, now);
    batch(c, INSERT_EVENT, events);
    int findings = writeFindings(c, report, now);
    return new IngestOutcome(true, report.assets().size(), created.size(), firmware, findings);
  }

  /**
   * PostgreSQL: inserts every asset of the report, in asset-id order, or locks its stored row where
   * there is one (waiting for a concurrent insert of the same device to commit), then reads the
   * rows back. Returns the assets this transaction created: those whose row carries the uid bound
   * here.
   */
  private List<ReportedAsset> insertOrLock(
      Connection c,
      IncomingReport r,
      List<ReportedAsset> firsts,
      Instant now,
      Map<String, Existing> stored)
      throws SQLException {
    List<String> uidsBound = insert(c, INSERT_OR_LOCK, r, firsts, now);
    stored.putAll(existing(c, r.siteId(), firsts));
    List<ReportedAsset> created = new ArrayList<>();
    for (int i = 0; i < firsts.size(); i++) {
      Existing e = stored.get(firsts.get(i).assetId());
      if (e == null) {
        throw new SQLException("asset " + firsts.get(i).assetId() + " vanished after its insert");
      }
      if (e.row().uid().equals(uidsBound.get(i))) {
        created.add(firsts.get(i));
      }
    }
    return created;
  }

  /**
   * SQLite: reads the stored rows and inserts the missing ones, which are the assets it returns.
   * The write transaction is exclusive, so no other writer can insert them meanwhile.
   */
  private List<ReportedAsset> readThenInsert(
      Connection c,
      IncomingReport r,
      List<ReportedAsset> firsts,
      Instant now,
      Map<String, Existing> stored)
      throws SQLException {
    stored.putAll(existing(c, r.siteId(), firsts));
    List<ReportedAsset> created =
        firsts.stream().filter(a -> !stored.containsKey(a.assetId())).toList();
    List<String> uidsBound = insert(c, INSERT, r, created, now);
    for (int i = 0; i < created.size(); i++) {
      ReportedAsset a = created.get(i);
      stored.put(
          a.assetId(), new Existing(MergedAsset.inserted(uidsBound.get(i), a, r, now), false));
    }
    return created;
  }

  /** Inserts {@code assets} in one batch; returns the uids bound, in order. */
  private List<String> insert(
      Connection c, String sql, IncomingReport r, List<ReportedAsset> assets, Instant now)
      throws SQLException {
    if (assets.isEmpty()) {
      return List.of();
    }
    List<String> uidsBound = new ArrayList<>(assets.size());
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (ReportedAsset a : assets) {
        uidsBound.add(bindNew(ps, r, a, now));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return uidsBound;
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
      List<Object[]> events,
      List<String> due)
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
        if (m.identityChanged()) {
          due.add(m.row().uid());
        }
        m.bind(ps, r, now);
        ps.addBatch();
        stored.put(a.assetId(), new Existing(m.row(), false));
      }
      ps.executeBatch();
    }
    return firmware;
  }

  /**
   * Queues {@code uids} for correlation, in uid order (as advisory imports queue theirs), in one
   * batch.
   */
  private static void markDue(Connection c, List<String> uids) throws SQLException {
    if (uids.isEmpty()) {
      return;
    }
    List<String> sorted = uids.stream().distinct().sorted().toList();
    try (PreparedStatement ps = c.prepareStatement(MARK_DUE)) {
      for (String uid : sorted) {
        ps.setString(1, uid);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * The stored rows of {@code assets}. Not locked here: on PostgreSQL the insert-or-lock pass holds
   * them already, and SQLite's write transaction is exclusive.
   */
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
              + ")";
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
