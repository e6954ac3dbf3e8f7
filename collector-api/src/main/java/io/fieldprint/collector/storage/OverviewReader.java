package io.fieldprint.collector.storage;

import io.fieldprint.collector.storage.DashboardStore.Count;
import io.fieldprint.collector.storage.DashboardStore.FindingCount;
import io.fieldprint.collector.storage.DashboardStore.MatchedDevice;
import io.fieldprint.collector.storage.DashboardStore.RuleCount;
import io.fieldprint.collector.storage.DashboardStore.SeverityCount;
import io.fieldprint.collector.storage.DashboardStore.SiteOverview;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The queries of one site overview, on one connection: every number is a SQL aggregate. */
final class OverviewReader {
  /** Severities, worst first (CVSS v3 bands; {@code unscored} when no match has a score). */
  static final List<String> SEVERITIES =
      List.of("critical", "high", "medium", "low", "none", "unscored");

  /** Posture finding severities, worst first (inventory contract). */
  static final List<String> FINDING_SEVERITIES =
      List.of("critical", "high", "medium", "low", "info");

  private static final String BAND =
      "CASE WHEN x.mx IS NULL THEN 'unscored' WHEN x.mx >= 9 THEN 'critical'"
          + " WHEN x.mx >= 7 THEN 'high' WHEN x.mx >= 4 THEN 'medium'"
          + " WHEN x.mx > 0 THEN 'low' ELSE 'none' END";
  private static final int TOP = DashboardStore.OVERVIEW_TOP;

  private final Connection c;
  private final String siteId;

  OverviewReader(Connection c, String siteId) {
    this.c = c;
    this.siteId = siteId;
  }

  SiteOverview read() throws SQLException {
    List<Count> roles =
        counts(
            "SELECT role, COUNT(*) FROM assets WHERE site_id = ? GROUP BY role", Integer.MAX_VALUE);
    List<Count> vendors =
        counts("SELECT vendor, COUNT(*) FROM assets WHERE site_id = ? GROUP BY vendor", TOP);
    long assets = roles.stream().mapToLong(Count::count).sum();
    Set<String> kevAdvisories = KevAdvisories.ofSite(c, siteId);
    List<SeverityCount> severities = severities(kevAdvisories);
    return new SiteOverview(
        assets,
        roles,
        vendors,
        severities.stream().mapToLong(SeverityCount::devices).sum(),
        severities.stream().mapToLong(SeverityCount::kevDevices).sum(),
        severities,
        topMatched(kevAdvisories),
        findings(),
        rules(),
        single("SELECT COUNT(*) FROM alerts WHERE site_id = ? AND acked_at IS NULL"));
  }

  /** {@code sql} groups (key, count) of the site; the largest groups first, then by key. */
  private List<Count> counts(String sql, int top) throws SQLException {
    List<Count> out = new ArrayList<>();
    JdbcDashboardStore.query(
        c,
        sql,
        List.of(siteId),
        rs -> out.add(new Count(java.util.Optional.ofNullable(rs.getString(1)), rs.getLong(2))));
    out.sort(
        Comparator.comparingLong(Count::count).reversed().thenComparing(k -> k.key().orElse("")));
    return out.size() > top ? List.copyOf(out.subList(0, top)) : out;
  }

  private List<SeverityCount> severities(Set<String> kevAdvisories) throws SQLException {
    List<Object> args = new ArrayList<>();
    String open = JdbcDashboardStore.openMatchesOf(InList.of("m.advisory_id", kevAdvisories, args));
    args.add(siteId);
    String sql =
        "SELECT " + BAND + " AS severity, COUNT(*), SUM(x.kev) FROM (" + open + ") x GROUP BY 1";
    List<SeverityCount> out = new ArrayList<>();
    JdbcDashboardStore.query(
        c,
        sql,
        args,
        rs -> out.add(new SeverityCount(rs.getString(1), rs.getLong(2), rs.getLong(3))));
    out.sort(Comparator.comparingInt(s -> SEVERITIES.indexOf(s.severity())));
    return out;
  }

  /** The devices to look at first: KEV before others, then by highest score. */
  private List<MatchedDevice> topMatched(Set<String> kevAdvisories) throws SQLException {
    List<Object> args = new ArrayList<>();
    String open = JdbcDashboardStore.openMatchesOf(InList.of("m.advisory_id", kevAdvisories, args));
    args.add(siteId);
    String sql =
        "SELECT a.uid, a.name, a.vendor, a.model, a.firmware, x.n, x.mx, x.kev FROM ("
            + open
            + ") x JOIN assets a ON a.uid = x.asset_uid"
            + " ORDER BY x.kev DESC, COALESCE(x.mx, -1) DESC, a.uid LIMIT "
            + TOP;
    List<MatchedDevice> out = new ArrayList<>();
    JdbcDashboardStore.query(
        c,
        sql,
        args,
        rs ->
            out.add(
                new MatchedDevice(
                    rs.getString("uid"),
                    AssetRows.text(rs, "name"),
                    AssetRows.text(rs, "vendor"),
                    AssetRows.text(rs, "model"),
                    AssetRows.text(rs, "firmware"),
                    rs.getLong("n"),
                    JdbcDashboardStore.score(rs, 7),
                    rs.getInt("kev") == 1)));
    return out;
  }

  private List<FindingCount> findings() throws SQLException {
    List<FindingCount> out = new ArrayList<>();
    JdbcDashboardStore.query(
        c,
        "SELECT severity, COUNT(*), COUNT(DISTINCT asset_id) FROM findings WHERE site_id = ?"
            + " GROUP BY severity",
        List.of(siteId),
        rs -> out.add(new FindingCount(rs.getString(1), rs.getLong(2), rs.getLong(3))));
    out.sort(Comparator.comparingInt(f -> FINDING_SEVERITIES.indexOf(f.severity())));
    return out;
  }

  private List<RuleCount> rules() throws SQLException {
    List<RuleCount> out = new ArrayList<>();
    JdbcDashboardStore.query(
        c,
        "SELECT rule, MAX(severity), MAX(title), COUNT(*) FROM findings WHERE site_id = ?"
            + " GROUP BY rule ORDER BY COUNT(*) DESC, rule LIMIT "
            + TOP,
        List.of(siteId),
        rs ->
            out.add(
                new RuleCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))));
    return out;
  }

  private long single(String sql) throws SQLException {
    long[] out = new long[1];
    JdbcDashboardStore.query(c, sql, List.of(siteId), rs -> out[0] = rs.getLong(1));
    return out[0];
  }
}
