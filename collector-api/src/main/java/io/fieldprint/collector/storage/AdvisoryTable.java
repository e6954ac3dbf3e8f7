package io.fieldprint.collector.storage;

import io.fieldprint.collector.storage.CorrelationStore.AdvisoryPut;
import io.fieldprint.collector.storage.CorrelationStore.AdvisoryRejection;
import io.fieldprint.collector.storage.CorrelationStore.NewAdvisory;
import io.fieldprint.collector.storage.CorrelationStore.StoredAdvisory;
import java.sql.Connection;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The {@code advisories} and {@code advisory_rejections} tables. */
final class AdvisoryTable {
  private final Dialect dialect;

  AdvisoryTable(Dialect dialect) {
    this.dialect = dialect;
  }

  AdvisoryPut put(Connection c, NewAdvisory a, long now, String actor) throws SQLException {
    dialect.lock(c, Dialect.ADVISORIES_LOCK, false);
    Optional<Stored> current = current(c, a.trackingId());
    AdvisoryPut outcome = current.map(s -> compare(s, a)).orElse(AdvisoryPut.NEW);
    if (outcome == AdvisoryPut.NEW) {
      int inserted =
          JdbcCollectorStore.update(
              c,
              "INSERT INTO advisories (tracking_id, version, current_release_date,"
                  + " publisher_namespace, title, tlp, sha256, raw_json, imported_at, source)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tracking_id) DO NOTHING",
              a.trackingId(),
              a.version(),
              millis(a.currentReleaseDate()),
              a.publisherNamespace(),
              a.title(),
              a.tlp().orElse(null),
              a.sha256(),
              a.rawJson(),
              now,
              a.source());
      if (inserted == 0) {
        return AdvisoryPut.UNCHANGED; // another collector stored it first
      }
    } else if (outcome == AdvisoryPut.REVISED) {
      JdbcCollectorStore.update(
          c,
          "UPDATE advisories SET version = ?, current_release_date = ?, publisher_namespace = ?,"
              + " title = ?, tlp = ?, sha256 = ?, raw_json = ?, imported_at = ?, source = ?"
              + " WHERE tracking_id = ?",
          a.version(),
          millis(a.currentReleaseDate()),
          a.publisherNamespace(),
          a.title(),
          a.tlp().orElse(null),
          a.sha256(),
          a.rawJson(),
          now,
          a.source(),
          a.trackingId());
    } else {
      return outcome;
    }
    JdbcCollectorStore.update(
        c, "UPDATE advisory_generation SET generation = generation + 1 WHERE id = 1");
    // the assets the new document can reach, and those matching the old one, are correlated again
    VendorKeyTable.markReachable(c, a.trackingId(), a.vendorKeys());
    AuditLog.append(
        c,
        now,
        actor,
        outcome == AdvisoryPut.NEW ? "advisory.import" : "advisory.revise",
        null,
        "advisory=" + a.trackingId() + " version=" + a.version() + " source=" + a.source());
    return outcome;
  }

  private static AdvisoryPut compare(Stored stored, NewAdvisory a) {
    if (stored.sha256().equals(a.sha256())) {
      return AdvisoryPut.UNCHANGED;
    }
    long newDate = a.currentReleaseDate().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE);
    long oldDate = stored.releaseDate().orElse(Long.MIN_VALUE);
    if (newDate != oldDate) {
      return newDate > oldDate ? AdvisoryPut.REVISED : AdvisoryPut.OLDER_IGNORED;
    }
    return a.version().equals(stored.version()) ? AdvisoryPut.UNCHANGED : AdvisoryPut.OLDER_IGNORED;
  }

  void reject(Connection c, AdvisoryRejection r, String actor) throws SQLException {
    JdbcCollectorStore.update(
        c,
        "INSERT INTO advisory_rejections (tracking_id, source, sha256, reason, at)"
            + " VALUES (?, ?, ?, ?, ?)",
        r.trackingId().orElse(null),
        r.source(),
        r.sha256(),
        r.reason(),
        r.at().toEpochMilli());
    AuditLog.append(
        c,
        r.at().toEpochMilli(),
        actor,
        "advisory.reject",
        null,
        "advisory=" + r.trackingId().orElse("?") + " source=" + r.source());
  }

  List<AdvisoryRejection> rejections(Connection c, int limit) throws SQLException {
    String sql =
        "SELECT tracking_id, source, sha256, reason, at FROM advisory_rejections"
            + " ORDER BY id DESC LIMIT ?";
    List<AdvisoryRejection> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new AdvisoryRejection(
                  AssetRows.text(rs, "tracking_id"),
                  rs.getString("source"),
                  rs.getString("sha256"),
                  rs.getString("reason"),
                  Instant.ofEpochMilli(rs.getLong("at"))));
        }
      }
    }
    return out;
  }

  List<StoredAdvisory> list(Connection c) throws SQLException {
    String sql =
        "SELECT tracking_id, version, current_release_date, title, tlp, imported_at"
            + " FROM advisories ORDER BY tracking_id";
    List<StoredAdvisory> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new StoredAdvisory(
                rs.getString("tracking_id"),
                rs.getString("version"),
                AssetRows.instant(rs, "current_release_date"),
                rs.getString("title"),
                AssetRows.text(rs, "tlp"),
                Instant.ofEpochMilli(rs.getLong("imported_at"))));
      }
    }
    return out;
  }

  /** Tracking id to current version. */
  Map<String, String> versions(Connection c) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT tracking_id, version FROM advisories");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  /** How many times an advisory was stored or revised: moves with every change of the set. */
  long generation(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT generation FROM advisory_generation WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("advisory_generation has no row (migration V9)");
      }
      return rs.getLong(1);
    }
  }

  Optional<String> json(Connection c, String trackingId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT raw_json FROM advisories WHERE tracking_id = ?")) {
      ps.setString(1, trackingId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private Optional<Stored> current(Connection c, String trackingId) throws SQLException {
    String sql =
        "SELECT version, current_release_date, sha256 FROM advisories WHERE tracking_id = ?"
            + dialect.lockRow();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, trackingId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long date = rs.getLong(2);
        Optional<Long> releaseDate = rs.wasNull() ? Optional.empty() : Optional.of(date);
        return Optional.of(new Stored(rs.getString(1), releaseDate, rs.getString(3)));
      }
    }
  }

  private static Object millis(Optional<Instant> at) {
    return at.<Object>map(Instant::toEpochMilli).orElse(JDBCType.BIGINT);
  }

  private record Stored(String version, Optional<Long> releaseDate, String sha256) {}
}
