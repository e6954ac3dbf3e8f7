package io.fieldprint.advisories.store;

import io.fieldprint.advisories.prioritise.EpssScore;
import io.fieldprint.advisories.prioritise.EpssScores;
import io.fieldprint.advisories.prioritise.KevCatalog;
import io.fieldprint.advisories.prioritise.KevEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The KEV, EPSS and feed_release tables; the caller holds the transaction. */
final class PrioritisationTables {
  /** CVE ids per {@code IN (...)} query; far below SQLite's and PostgreSQL's parameter limits. */
  private static final int CHUNK = 500;

  private final Connection connection;

  PrioritisationTables(Connection connection) {
    this.connection = connection;
  }

  void replaceKev(KevCatalog catalog) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("DELETE FROM kev");
    }
    try (PreparedStatement p =
        connection.prepareStatement("INSERT INTO kev VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (KevEntry e : catalog.entries()) {
        p.setString(1, e.cveId());
        p.setString(2, e.vendorProject());
        p.setString(3, e.product());
        p.setString(4, e.vulnerabilityName());
        p.setString(5, e.dateAdded());
        p.setString(6, e.dueDate());
        p.setString(7, e.knownRansomwareCampaignUse());
        p.addBatch();
      }
      p.executeBatch();
    }
    release("kev", catalog.catalogVersion(), catalog.dateReleased(), catalog.entries().size());
  }

  void replaceEpss(EpssScores scores) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("DELETE FROM epss");
    }
    try (PreparedStatement p = connection.prepareStatement("INSERT INTO epss VALUES (?, ?, ?)")) {
      int pending = 0;
      for (EpssScore e : scores.scores()) {
        p.setString(1, e.cve());
        p.setDouble(2, e.epss());
        p.setDouble(3, e.percentile());
        p.addBatch();
        if (++pending == 10_000) {
          p.executeBatch();
          pending = 0;
        }
      }
      p.executeBatch();
    }
    release("epss", scores.modelVersion(), scores.scoreDate(), scores.scores().size());
  }

  private void release(String feed, String version, String released, long entries)
      throws SQLException {
    try (PreparedStatement d =
            connection.prepareStatement("DELETE FROM feed_release WHERE feed = ?");
        PreparedStatement p =
            connection.prepareStatement("INSERT INTO feed_release VALUES (?, ?, ?, ?, ?)")) {
      d.setString(1, feed);
      d.executeUpdate();
      p.setString(1, feed);
      p.setString(2, version);
      p.setString(3, released);
      p.setLong(4, entries);
      p.setString(5, Instant.now().toString());
      p.executeUpdate();
    }
  }

  Map<String, KevEntry> kev(Collection<String> cves) throws SQLException {
    Map<String, KevEntry> out = new HashMap<>();
    for (List<String> chunk : chunks(cves)) {
      String sql =
          "SELECT cve_id, vendor_project, product, vulnerability_name, date_added, due_date,"
              + " known_ransomware_campaign_use FROM kev WHERE cve_id IN "
              + placeholders(chunk.size());
      try (PreparedStatement p = connection.prepareStatement(sql)) {
        bind(p, chunk);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.put(
                rs.getString(1),
                new KevEntry(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7)));
          }
        }
      }
    }
    return out;
  }

  Map<String, EpssScore> epss(Collection<String> cves) throws SQLException {
    Map<String, EpssScore> out = new HashMap<>();
    for (List<String> chunk : chunks(cves)) {
      String sql =
          "SELECT cve_id, epss, percentile FROM epss WHERE cve_id IN " + placeholders(chunk.size());
      try (PreparedStatement p = connection.prepareStatement(sql)) {
        bind(p, chunk);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.put(
                rs.getString(1), new EpssScore(rs.getString(1), rs.getDouble(2), rs.getDouble(3)));
          }
        }
      }
    }
    return out;
  }

  Optional<FeedRelease> feed(String name) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT feed, version, released, entries, loaded_at FROM feed_release"
                + " WHERE feed = ?")) {
      p.setString(1, name);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new FeedRelease(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                Instant.parse(rs.getString(5))));
      }
    }
  }

  private static List<List<String>> chunks(Collection<String> cves) {
    List<String> all = new ArrayList<>(new java.util.TreeSet<>(cves));
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
    }
    return out;
  }

  private static String placeholders(int n) {
    return "(" + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
  }

  private static void bind(PreparedStatement p, List<String> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      p.setString(i + 1, values.get(i));
    }
  }
}
