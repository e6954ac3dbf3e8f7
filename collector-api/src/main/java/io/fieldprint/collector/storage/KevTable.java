package io.fieldprint.collector.storage;

import io.fieldprint.advisories.prioritise.KevCatalog;
import io.fieldprint.advisories.prioritise.KevEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The {@code kev_entries} table: the current CISA KEV catalog, replaced whole. */
final class KevTable {

  /** Replaces every entry with those of {@code catalog}. */
  void replace(Connection c, KevCatalog catalog) throws SQLException {
    JdbcCollectorStore.update(c, "DELETE FROM kev_entries");
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO kev_entries (cve, vendor_project, product, vulnerability_name,"
                + " date_added, due_date, known_ransomware_campaign_use)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (KevEntry e : catalog.entries()) {
        ps.setString(1, e.cveId());
        ps.setString(2, e.vendorProject());
        ps.setString(3, e.product());
        ps.setString(4, e.vulnerabilityName());
        ps.setString(5, e.dateAdded());
        ps.setString(6, e.dueDate());
        ps.setString(7, e.knownRansomwareCampaignUse());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The CVE ids in the catalog. */
  Set<String> cves(Connection c) throws SQLException {
    Set<String> out = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT cve FROM kev_entries");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** Every entry, by CVE id. */
  List<KevEntry> entries(Connection c) throws SQLException {
    List<KevEntry> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT cve, vendor_project, product, vulnerability_name, date_added, due_date,"
                    + " known_ransomware_campaign_use FROM kev_entries ORDER BY cve");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new KevEntry(
                rs.getString(1),
                text(rs, 2),
                text(rs, 3),
                text(rs, 4),
                rs.getString(5),
                text(rs, 6),
                text(rs, 7)));
      }
    }
    return out;
  }

  private static String text(ResultSet rs, int column) throws SQLException {
    String v = rs.getString(column);
    return v == null ? "" : v;
  }
}
