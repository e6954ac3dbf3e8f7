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
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /** Alert and outbox inserts of one transaction, written in batches. */
  Inserts inserts(Connection c) throws SQLException {
    return new Inserts(c);
  }

  /** An alert to create: the match it announces and whether that match is new or upgraded. */
  record Pending(StoredAsset asset, FoundMatch match, String kind) {}

  /**
   * The alert and outbox inserts of one transaction: alerts go in multi-row statements of {@link
   * #ALERT_ROWS}, deliveries in one JDBC batch; close before the transaction ends.
   */
  static final class Inserts implements AutoCloseable {
    /** Alerts per multi-row insert: 11 parameters each, well under every driver's limit. */
    static final int ALERT_ROWS = 200;

    private static final String ALERT_COLUMNS =
        "INSERT INTO alerts (site_id, asset_uid, advisory_id, advisory_version, kind,"
            + " confidence, cvss, tlp, title, match_json, created_at) VALUES ";
    private static final String ALERT_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ALERT_RETURNING =
        " ON CONFLICT DO NOTHING RETURNING id, asset_uid, advisory_id, advisory_version,"
            + " confidence";

    private final Connection c;
    private final PreparedStatement outbox;
    private int queued;

    private Inserts(Connection c) throws SQLException {
      this.c = c;
      this.outbox =
          c.prepareStatement(
              "INSERT INTO alert_outbox (alert_id, destination, state, attempts,"
                  + " next_attempt_at) VALUES (?, ?, 'pending', 0, ?) ON CONFLICT DO NOTHING");
    }

    /**
     * Creates the alerts; returns those created, in the order given. One that exists already (same
     * asset, advisory, version and confidence: the unique key) is not created again.
     */
    List<Alert> create(List<Pending> pending, long now) throws SQLException {
      List<Alert> created = new ArrayList<>();
      for (int from = 0; from < pending.size(); from += ALERT_ROWS) {
        created.addAll(
            insert(pending.subList(from, Math.min(pending.size(), from + ALERT_ROWS)), now));
      }
      return created;
    }

    private List<Alert> insert(List<Pending> rows, long now) throws SQLException {
      String sql =
          ALERT_COLUMNS
              + String.join(", ", Collections.nCopies(rows.size(), ALERT_ROW))
              + ALERT_RETURNING;
      Map<List<String>, Long> ids = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        List<Object> args = new ArrayList<>(rows.size() * 11);
        for (Pending p : rows) {
          FoundMatch f = p.match();
          args.addAll(
              Arrays.asList(
                  p.asset().siteId(),
                  p.asset().uid(),
                  f.advisoryId(),
                  f.advisoryVersion(),
                  p.kind(),
                  f.confidence().wire(),
                  f.cvss().<Object>map(d -> d).orElse(JDBCType.DOUBLE),
                  f.tlp().orElse(null),
                  f.title(),
                  f.explanationJson(),
                  now));
        }
        JdbcCollectorStore.bindAll(ps, args.toArray());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.put(
                List.of(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                rs.getLong(1));
          }
        }
      }
      List<Alert> created = new ArrayList<>(ids.size());
      for (Pending p : rows) {
        FoundMatch f = p.match();
        Long id =
            ids.get(
                List.of(
                    p.asset().uid(), f.advisoryId(), f.advisoryVersion(), f.confidence().wire()));
        if (id != null) {
          created.add(
              new Alert(
                  id,
                  p.asset().siteId(),
                  p.asset().uid(),
                  f.advisoryId(),
                  f.advisoryVersion(),
                  p.kind(),
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
      return created;
    }

    /** Queues {@code alertId} for {@code destination}; written by {@link #flush}. */
    void enqueue(long alertId, String destination, long now) throws SQLException {
      JdbcCollectorStore.bindAll(outbox, alertId, destination, now);
      outbox.addBatch();
      queued++;
    }

    /** Writes the deliveries queued so far. */
    void flush() throws SQLException {
      if (queued > 0) {
        outbox.executeBatch();
        queued = 0;
      }
    }

    @Override
    public void close() throws SQLException {
      outbox.close();
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
