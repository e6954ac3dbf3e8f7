package io.fieldprint.collector.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Merges one report into its site inside the caller's transaction: reported values replace stored
 * ones, absent values keep them, addresses and protocols accumulate (bounded), evidence keeps the
 * latest entry per decoder and origin, and new devices and firmware changes become events.
 */
final class ReportMerger {
  /** Most addresses or protocols kept per asset, so a chatty device cannot grow a row forever. */
  static final int MAX_LIST = 64;

  private static final String INSERT_NEW =
      "INSERT INTO assets (site_id, asset_id, uid, name, vendor, product, model, firmware,"
          + " hardware, serial, role, ip_json, mac_json, protocols_json, first_seen, last_seen,"
          + " last_report_agent, correlated_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)"
          + " ON CONFLICT (site_id, asset_id) DO NOTHING";
  private static final String UPDATE =
      "UPDATE assets SET name = ?, vendor = ?, product = ?, model = ?, firmware = ?, hardware = ?,"
          + " serial = ?, role = ?, ip_json = ?, mac_json = ?, protocols_json = ?, first_seen = ?,"
          + " last_seen = ?, last_report_agent = ?,"
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

  /** Merges every asset and finding; the caller has already claimed the report id. */
  IngestOutcome merge(Connection c, IncomingReport report, Instant now) throws SQLException {
    int created = 0;
    int firmware = 0;
    List<Object[]> events = new ArrayList<>();
    // one lock order for every transaction (asset id), so concurrent reports never deadlock
    List<ReportedAsset> ordered = new ArrayList<>(report.assets());
    ordered.sort(Comparator.comparing(ReportedAsset::assetId));
    for (ReportedAsset a : ordered) {
      if (insertIfNew(c, report, a, now)) {
        created++;
        events.add(event(report, a, AssetEvent.NEW_DEVICE, null, a.firmware().orElse(null), now));
      } else {
        Optional<String> old = mergeExisting(c, report, a, now);
        if (old.isPresent()) {
          firmware++;
          events.add(
              event(report, a, AssetEvent.FIRMWARE_CHANGED, old.get(), a.firmware().get(), now));
        }
      }
    }
    writeEvidence(c, report.siteId(), ordered, now);
    batch(c, INSERT_EVENT, events);
    int findings = writeFindings(c, report, now);
    return new IngestOutcome(true, report.assets().size(), created, firmware, findings);
  }

  private boolean insertIfNew(Connection c, IncomingReport r, ReportedAsset a, Instant now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT_NEW)) {
      int i = 1;
      ps.setString(i++, r.siteId());
      ps.setString(i++, a.assetId());
      ps.setString(i++, uids.get());
      for (Optional<String> v :
          List.of(
              a.name(),
              a.vendor(),
              a.product(),
              a.model(),
              a.firmware(),
              a.hardware(),
              a.serial())) {
        ps.setString(i++, v.orElse(null));
      }
      ps.setString(i++, a.role());
      ps.setString(i++, JsonLists.write(capped(a.ip())));
      ps.setString(i++, JsonLists.write(capped(a.mac())));
      ps.setString(i++, JsonLists.write(capped(a.protocols())));
      ps.setLong(i++, a.firstSeen().orElse(now).toEpochMilli());
      ps.setLong(i++, a.lastSeen().orElse(now).toEpochMilli());
      ps.setString(i, r.agentId());
      return ps.executeUpdate() == 1;
    }
  }

  /** Updates a stored asset; returns the previous firmware when the report changed it. */
  private Optional<String> mergeExisting(
      Connection c, IncomingReport r, ReportedAsset a, Instant now) throws SQLException {
    StoredAsset old = lockedRow(c, r.siteId(), a.assetId());
    String firmware = a.firmware().or(old::firmware).orElse(null);
    boolean firmwareChanged =
        old.firmware().isPresent()
            && a.firmware().isPresent()
            && !old.firmware().get().equals(a.firmware().get());
    // a firmware reported for the first time changes the identity too (a low-confidence match
    // can become a high one), though it is not a firmware_changed event
    boolean identityChanged =
        changed(old.firmware(), a.firmware())
            || changed(old.vendor(), a.vendor())
            || changed(old.model(), a.model())
            || changed(old.product(), a.product())
            || changed(old.hardware(), a.hardware());
    try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
      int i = 1;
      ps.setString(i++, a.name().or(old::name).orElse(null));
      ps.setString(i++, a.vendor().or(old::vendor).orElse(null));
      ps.setString(i++, a.product().or(old::product).orElse(null));
      ps.setString(i++, a.model().or(old::model).orElse(null));
      ps.setString(i++, firmware);
      ps.setString(i++, a.hardware().or(old::hardware).orElse(null));
      ps.setString(i++, a.serial().or(old::serial).orElse(null));
      ps.setString(i++, a.role().equals("unknown") ? old.role() : a.role());
      ps.setString(i++, JsonLists.write(union(a.ip(), old.ip())));
      ps.setString(i++, JsonLists.write(union(a.mac(), old.mac())));
      ps.setString(i++, JsonLists.write(union(a.protocols(), old.protocols())));
      ps.setLong(i++, earliest(old.firstSeen(), a.firstSeen().orElse(now)).toEpochMilli());
      ps.setLong(i++, latest(old.lastSeen(), a.lastSeen().orElse(now)).toEpochMilli());
      ps.setString(i++, r.agentId());
      ps.setInt(i++, identityChanged ? 1 : 0);
      ps.setString(i++, r.siteId());
      ps.setString(i, a.assetId());
      ps.executeUpdate();
    }
    return firmwareChanged ? old.firmware() : Optional.empty();
  }

  private StoredAsset lockedRow(Connection c, String site, String assetId) throws SQLException {
    String sql = AssetRows.SELECT + " WHERE site_id = ? AND asset_id = ?" + dialect.lockRow();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, site);
      ps.setString(2, assetId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("asset " + assetId + " vanished inside its transaction");
        }
        return AssetRows.read(rs);
      }
    }
  }

  private void writeEvidence(Connection c, String site, List<ReportedAsset> assets, Instant now)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (ReportedAsset a : assets) {
      for (ReportedAsset.ReportedEvidence e : a.evidence()) {
        rows.add(
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
    batch(c, UPSERT_EVIDENCE, rows);
  }

  private int writeFindings(Connection c, IncomingReport r, Instant now) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    List<ReportedFinding> ordered = new ArrayList<>(r.findings());
    ordered.sort(
        Comparator.comparing(ReportedFinding::assetId).thenComparing(ReportedFinding::rule));
    for (ReportedFinding f : ordered) {
      rows.add(
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
    batch(c, UPSERT_FINDING, rows);
    return rows.size();
  }

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

  private static boolean changed(Optional<String> old, Optional<String> reported) {
    return reported.isPresent() && !Objects.equals(old.orElse(null), reported.get());
  }

  private static List<String> union(List<String> reported, List<String> stored) {
    LinkedHashSet<String> all = new LinkedHashSet<>(reported);
    all.addAll(stored);
    return capped(List.copyOf(all));
  }

  private static List<String> capped(List<String> values) {
    return values.size() <= MAX_LIST ? values : values.subList(0, MAX_LIST);
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
