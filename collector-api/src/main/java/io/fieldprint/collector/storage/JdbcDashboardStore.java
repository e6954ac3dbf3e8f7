package io.fieldprint.collector.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** {@link DashboardStore} over JDBC, one SQL text for SQLite and PostgreSQL. */
public final class JdbcDashboardStore implements DashboardStore {
  private static final String OPEN =
      "(t.state IS NULL OR t.state NOT IN ('not_affected', 'fixed'))";
  private static final String MATCH_JOIN =
      " FROM matches m LEFT JOIN triage t ON t.asset_uid = m.asset_uid"
          + " AND t.advisory_id = m.advisory_id";

  private final Jdbc jdbc;

  public JdbcDashboardStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public SiteOverview overview(String siteId) {
    return jdbc.read(c -> new OverviewReader(c, siteId).read());
  }

  @Override
  public Map<String, AssetSummary> summaries(String siteId, Collection<String> uids) {
    if (uids.isEmpty()) {
      return Map.of();
    }
    return jdbc.read(c -> summaries(c, siteId, Set.copyOf(uids)));
  }

  private static Map<String, AssetSummary> summaries(Connection c, String siteId, Set<String> uids)
      throws SQLException {
    List<Object> args = new ArrayList<>();
    String kev = InList.of("m.advisory_id", KevAdvisories.ofSite(c, siteId), args);
    args.add(siteId);
    String in = InList.of("m.asset_uid", uids, args);
    String sql =
        "SELECT m.asset_uid, COUNT(*), SUM(CASE WHEN "
            + OPEN
            + " THEN 1 ELSE 0 END), MAX(m.cvss), MAX(CASE WHEN "
            + kev
            + " THEN 1 ELSE 0 END)"
            + MATCH_JOIN
            + " WHERE m.site_id = ? AND "
            + in
            + " GROUP BY m.asset_uid";
    Map<String, AssetSummary> out = new HashMap<>();
    query(
        c,
        sql,
        args,
        rs ->
            out.put(
                rs.getString(1),
                new AssetSummary(
                    rs.getLong(2), rs.getLong(3), score(rs, 4), rs.getInt(5) == 1, 0)));
    List<Object> findingArgs = new ArrayList<>(List.of(siteId));
    String findingSql =
        "SELECT a.uid, COUNT(*) FROM findings f JOIN assets a ON a.site_id = f.site_id"
            + " AND a.asset_id = f.asset_id WHERE a.site_id = ? AND "
            + InList.of("a.uid", uids, findingArgs)
            + " GROUP BY a.uid";
    query(
        c,
        findingSql,
        findingArgs,
        rs -> {
          AssetSummary s = out.get(rs.getString(1));
          long findings = rs.getLong(2);
          out.put(
              rs.getString(1),
              s == null
                  ? new AssetSummary(0, 0, Optional.empty(), false, findings)
                  : new AssetSummary(s.matches(), s.openMatches(), s.maxCvss(), s.kev(), findings));
        });
    return out;
  }

  @Override
  public Optional<FirmwareHistory> firmwareHistory(String uid) {
    String sql =
        "SELECT a.site_id, e.kind, e.old_value, e.new_value, e.agent_id, e.report_id, e.at"
            + " FROM assets a LEFT JOIN asset_events e ON e.site_id = a.site_id"
            + " AND e.asset_id = a.asset_id AND e.kind IN ('new_device', 'firmware_changed')"
            + " WHERE a.uid = ? ORDER BY e.id DESC LIMIT "
            + AssetReader.DETAIL_LIMIT;
    return jdbc.read(
        c -> {
          List<String> site = new ArrayList<>();
          List<FirmwareChange> changes = new ArrayList<>();
          query(
              c,
              sql,
              List.of(uid),
              rs -> {
                site.add(rs.getString(1));
                if (rs.getString(2) != null) {
                  changes.add(0, change(rs));
                }
              });
          return site.isEmpty()
              ? Optional.empty()
              : Optional.of(new FirmwareHistory(site.get(0), changes));
        });
  }

  private static FirmwareChange change(ResultSet rs) throws SQLException {
    return new FirmwareChange(
        AssetRows.text(rs, "old_value"),
        AssetRows.text(rs, "new_value"),
        rs.getString("agent_id"),
        rs.getString("report_id"),
        Instant.ofEpochMilli(rs.getLong("at")));
  }

  @Override
  public List<AffectedAsset> affected(String advisoryId, boolean allSites, Set<String> sites) {
    if (!allSites && sites.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>(List.of(advisoryId));
    String scope = allSites ? "" : " AND " + InList.of("m.site_id", sites, args);
    String sql =
        "SELECT a.uid, a.site_id, a.name, a.vendor, a.model, a.firmware, a.role, m.confidence,"
            + " m.cvss, t.state"
            + MATCH_JOIN
            + " JOIN assets a ON a.uid = m.asset_uid WHERE m.advisory_id = ?"
            + scope
            + " ORDER BY a.site_id, a.name, a.uid LIMIT "
            + MAX_AFFECTED;
    return jdbc.read(
        c -> {
          List<AffectedAsset> out = new ArrayList<>();
          query(
              c,
              sql,
              args,
              rs ->
                  out.add(
                      new AffectedAsset(
                          rs.getString("uid"),
                          rs.getString("site_id"),
                          AssetRows.text(rs, "name"),
                          AssetRows.text(rs, "vendor"),
                          AssetRows.text(rs, "model"),
                          AssetRows.text(rs, "firmware"),
                          rs.getString("role"),
                          rs.getString("confidence"),
                          score(rs, 9),
                          AssetRows.text(rs, "state"))));
          return out;
        });
  }

  static Optional<Double> score(ResultSet rs, int column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(v);
  }

  /** Handles one row of a result set. */
  @FunctionalInterface
  interface RowHandler {
    void handle(ResultSet rs) throws SQLException;
  }

  static void query(Connection c, String sql, List<Object> args, RowHandler row)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      JdbcCollectorStore.bindAll(ps, args.toArray());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          row.handle(rs);
        }
      }
    }
  }

  /** The open-match condition and join, for {@link OverviewReader}. */
  static String openMatchesOf(String kevCondition) {
    return "SELECT m.asset_uid, COUNT(*) AS n, MAX(m.cvss) AS mx, MAX(CASE WHEN "
        + kevCondition
        + " THEN 1 ELSE 0 END) AS kev"
        + MATCH_JOIN
        + " WHERE m.site_id = ? AND "
        + OPEN
        + " GROUP BY m.asset_uid";
  }
}
