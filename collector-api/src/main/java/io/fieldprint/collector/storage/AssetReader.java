package io.fieldprint.collector.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads assets: filtered pages of a site, and one asset with evidence, history and findings. */
final class AssetReader {
  /** Most evidence entries or events returned with one asset. */
  static final int DETAIL_LIMIT = 500;

  AssetPage page(Connection c, String siteId, AssetQuery q) throws SQLException {
    AssetFilter filter = AssetFilter.of(c, siteId, q);
    long total;
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM assets" + filter.where)) {
      JdbcCollectorStore.bindAll(ps, filter.args.toArray());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        total = rs.getLong(1);
      }
    }
    List<StoredAsset> items = new ArrayList<>();
    String sql = AssetRows.SELECT + filter.where + q.sort().orderBy() + " LIMIT ? OFFSET ?";
    List<Object> args = new ArrayList<>(filter.args);
    args.add(q.limit());
    args.add(q.offset());
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      JdbcCollectorStore.bindAll(ps, args.toArray());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          items.add(AssetRows.read(rs));
        }
      }
    }
    return new AssetPage(items, total, q.limit(), q.offset());
  }

  Optional<AssetDetail> detail(Connection c, String uid) throws SQLException {
    StoredAsset asset;
    try (PreparedStatement ps = c.prepareStatement(AssetRows.SELECT + " WHERE uid = ?")) {
      ps.setString(1, uid);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        asset = AssetRows.read(rs);
      }
    }
    return Optional.of(
        new AssetDetail(asset, evidence(c, asset), events(c, asset), findings(c, asset)));
  }

  private static List<StoredEvidence> evidence(Connection c, StoredAsset a) throws SQLException {
    String sql =
        "SELECT source, origin, observed_at, fields_json, received_at FROM asset_evidence"
            + " WHERE site_id = ? AND asset_id = ? ORDER BY source, origin LIMIT "
            + DETAIL_LIMIT;
    return rowsOf(
        c,
        sql,
        a,
        rs ->
            new StoredEvidence(
                rs.getString("source"),
                rs.getString("origin"),
                AssetRows.instant(rs, "observed_at"),
                rs.getString("fields_json"),
                Instant.ofEpochMilli(rs.getLong("received_at"))));
  }

  private static List<AssetEvent> events(Connection c, StoredAsset a) throws SQLException {
    String sql =
        "SELECT kind, old_value, new_value, agent_id, report_id, at FROM asset_events"
            + " WHERE site_id = ? AND asset_id = ? ORDER BY id DESC LIMIT "
            + DETAIL_LIMIT;
    return rowsOf(
        c,
        sql,
        a,
        rs ->
            new AssetEvent(
                rs.getString("kind"),
                AssetRows.text(rs, "old_value"),
                AssetRows.text(rs, "new_value"),
                rs.getString("agent_id"),
                rs.getString("report_id"),
                Instant.ofEpochMilli(rs.getLong("at"))));
  }

  private static List<StoredFinding> findings(Connection c, StoredAsset a) throws SQLException {
    String sql =
        "SELECT rule, severity, title, detail, occurrences, first_seen, last_seen FROM findings"
            + " WHERE site_id = ? AND asset_id = ? ORDER BY rule";
    return rowsOf(
        c,
        sql,
        a,
        rs ->
            new StoredFinding(
                rs.getString("rule"),
                rs.getString("severity"),
                rs.getString("title"),
                AssetRows.text(rs, "detail"),
                rs.getInt("occurrences"),
                Instant.ofEpochMilli(rs.getLong("first_seen")),
                Instant.ofEpochMilli(rs.getLong("last_seen"))));
  }

  /** Reads one row of a result set. */
  @FunctionalInterface
  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** The rows {@code sql} returns for the asset (its two parameters: site id, asset id). */
  private static <T> List<T> rowsOf(Connection c, String sql, StoredAsset a, Row<T> row)
      throws SQLException {
    List<T> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, a.siteId());
      ps.setString(2, a.assetId());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row.read(rs));
        }
      }
    }
    return out;
  }
}
