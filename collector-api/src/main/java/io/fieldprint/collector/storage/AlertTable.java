package io.fieldprint.collector.storage;

import io.fieldprint.collector.storage.CorrelationStore.Alert;
import io.fieldprint.collector.storage.CorrelationStore.Confidence;
import io.fieldprint.collector.storage.CorrelationStore.DeadLetter;
import io.fieldprint.collector.storage.CorrelationStore.FoundMatch;
import io.fieldprint.collector.storage.CorrelationStore.OutboxItem;
import java.sql.Connection;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code alerts} and {@code alert_outbox} tables. */
final class AlertTable {
  private static final String SELECT =
      "SELECT id, site_id, asset_uid, advisory_id, advisory_version, kind, confidence, cvss, tlp,"
          + " title, match_json, created_at, acked_at, acked_by FROM alerts";

  private final Dialect dialect;

  AlertTable(Dialect dialect) {
    this.dialect = dialect;
  }

  /** Alert and outbox inserts of one transaction, each statement prepared once. */
  Inserts inserts(Connection c) throws SQLException {
    return new Inserts(c);
  }

  /** The prepared inserts of one transaction; close before the transaction ends. */
  static final class Inserts implements AutoCloseable {
    private final PreparedStatement alert;
    private final PreparedStatement outbox;

    private Inserts(Connection c) throws SQLException {
      this.alert =
          c.prepareStatement(
              "INSERT INTO alerts (site_id, asset_uid, advisory_id, advisory_version, kind,"
                  + " confidence, cvss, tlp, title, match_json, created_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                  + " ON CONFLICT DO NOTHING RETURNING id");
      PreparedStatement queue;
      try {
        queue =
            c.prepareStatement(
                "INSERT INTO alert_outbox (alert_id, destination, state, attempts,"
                    + " next_attempt_at) VALUES (?, ?, 'pending', 0, ?) ON CONFLICT DO NOTHING");
      } catch (SQLException e) {
        alert.close();
        throw e;
      }
      this.outbox = queue;
    }

    /** Creates an alert; empty when the same alert exists already (unique key). */
    Optional<Alert> create(StoredAsset asset, FoundMatch f, String kind, long now)
        throws SQLException {
      JdbcCollectorStore.bindAll(
          alert,
          asset.siteId(),
          asset.uid(),
          f.advisoryId(),
          f.advisoryVersion(),
          kind,
          f.confidence().wire(),
          f.cvss().<Object>map(d -> d).orElse(JDBCType.DOUBLE),
          f.tlp().orElse(null),
          f.title(),
          f.explanationJson(),
          now);
      try (ResultSet rs = alert.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long id = rs.getLong(1);
        return Optional.of(
            new Alert(
                id,
                asset.siteId(),
                asset.uid(),
                f.advisoryId(),
                f.advisoryVersion(),
                kind,
                f.confidence(),
                f.cvss(),
                f.tlp(),
                f.title(),
                f.explanationJson(),
                Instant.ofEpochMilli(now),
                Optional.empty(),
                Optional.empty()));
      }
    }

    /** Queues {@code alertId} for {@code destination}. */
    void enqueue(long alertId, String destination, long now) throws SQLException {
      JdbcCollectorStore.bindAll(outbox, alertId, destination, now);
      outbox.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
      try {
        alert.close();
      } finally {
        outbox.close();
      }
    }
  }

  List<Alert> ofSite(Connection c, String siteId, int limit, int offset) throws SQLException {
    return query(
        c, SELECT + " WHERE site_id = ? ORDER BY id DESC LIMIT ? OFFSET ?", siteId, limit, offset);
  }

  Optional<Alert> byId(Connection c, long id) throws SQLException {
    return query(c, SELECT + " WHERE id = ?", id).stream().findFirst();
  }

  boolean acknowledge(Connection c, long id, String actor, long now) throws SQLException {
    Optional<Alert> alert = byId(c, id);
    int n =
        JdbcCollectorStore.update(
            c,
            "UPDATE alerts SET acked_at = ?, acked_by = ? WHERE id = ? AND acked_at IS NULL",
            now,
            actor,
            id);
    if (n > 0) {
      AuditLog.append(c, now, actor, "alert.ack", alert.get().siteId(), "alert=" + id);
    }
    return n > 0;
  }

  List<OutboxItem> claim(Connection c, int limit, long now, long leaseUntil) throws SQLException {
    List<Long> ids = new ArrayList<>();
    String pick =
        "SELECT id FROM alert_outbox WHERE state = 'pending' AND next_attempt_at <= ?"
            + " ORDER BY id LIMIT ?"
            + dialect.claimRows();
    try (PreparedStatement ps = c.prepareStatement(pick)) {
      JdbcCollectorStore.bindAll(ps, now, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    List<OutboxItem> out = new ArrayList<>();
    for (long id : ids) {
      JdbcCollectorStore.update(
          c,
          "UPDATE alert_outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?",
          leaseUntil,
          id);
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT alert_id, destination, attempts FROM alert_outbox WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          Alert alert = byId(c, rs.getLong(1)).orElseThrow();
          out.add(new OutboxItem(id, alert, rs.getString(2), rs.getInt(3)));
        }
      }
    }
    return out;
  }

  void delivered(Connection c, long outboxId, long now) throws SQLException {
    JdbcCollectorStore.update(
        c,
        "UPDATE alert_outbox SET state = 'delivered', delivered_at = ?, last_error = NULL"
            + " WHERE id = ?",
        now,
        outboxId);
  }

  void failed(Connection c, long outboxId, String error, Optional<Instant> retryAt)
      throws SQLException {
    String bounded = error.length() > 1000 ? error.substring(0, 1000) : error;
    if (retryAt.isPresent()) {
      JdbcCollectorStore.update(
          c,
          "UPDATE alert_outbox SET next_attempt_at = ?, last_error = ? WHERE id = ?",
          retryAt.get().toEpochMilli(),
          bounded,
          outboxId);
    } else {
      JdbcCollectorStore.update(
          c,
          "UPDATE alert_outbox SET state = 'dead', last_error = ? WHERE id = ?",
          bounded,
          outboxId);
    }
  }

  List<DeadLetter> dead(Connection c, Optional<String> siteId, int limit) throws SQLException {
    String sql =
        "SELECT o.id, o.alert_id, a.site_id, a.advisory_id, o.destination, o.attempts,"
            + " o.last_error FROM alert_outbox o JOIN alerts a ON a.id = o.alert_id"
            + " WHERE o.state = 'dead'"
            + (siteId.isPresent() ? " AND a.site_id = ?" : "")
            + " ORDER BY o.id DESC LIMIT ?";
    List<DeadLetter> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      List<Object> args = new ArrayList<>();
      siteId.ifPresent(args::add);
      args.add(limit);
      JdbcCollectorStore.bindAll(ps, args.toArray());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new DeadLetter(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getInt(6),
                  rs.getString(7)));
        }
      }
    }
    return out;
  }

  private static List<Alert> query(Connection c, String sql, Object... args) throws SQLException {
    List<Alert> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      JdbcCollectorStore.bindAll(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double cvss = rs.getDouble("cvss");
          Optional<Double> score = rs.wasNull() ? Optional.empty() : Optional.of(cvss);
          out.add(
              new Alert(
                  rs.getLong("id"),
                  rs.getString("site_id"),
                  rs.getString("asset_uid"),
                  rs.getString("advisory_id"),
                  rs.getString("advisory_version"),
                  rs.getString("kind"),
                  Confidence.fromWire(rs.getString("confidence")),
                  score,
                  AssetRows.text(rs, "tlp"),
                  rs.getString("title"),
                  rs.getString("match_json"),
                  Instant.ofEpochMilli(rs.getLong("created_at")),
                  AssetRows.instant(rs, "acked_at"),
                  AssetRows.text(rs, "acked_by")));
        }
      }
    }
    return out;
  }
}
