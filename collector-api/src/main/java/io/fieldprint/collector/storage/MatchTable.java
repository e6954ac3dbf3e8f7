package io.fieldprint.collector.storage;

import io.fieldprint.collector.storage.CorrelationStore.Confidence;
import io.fieldprint.collector.storage.CorrelationStore.FoundMatch;
import io.fieldprint.collector.storage.CorrelationStore.StoredMatch;
import io.fieldprint.collector.storage.CorrelationStore.TriageDecision;
import java.sql.Connection;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code matches} and {@code triage} tables. */
final class MatchTable {
  private static final String SELECT =
      "SELECT m.site_id, m.asset_uid, m.advisory_id, m.advisory_version, m.confidence, m.cvss,"
          + " m.tlp, m.explanation_json, m.first_matched_at, m.updated_at, t.state, t.justification,"
          + " t.note, t.actor, t.updated_at AS triaged_at FROM matches m LEFT JOIN triage t"
          + " ON t.asset_uid = m.asset_uid AND t.advisory_id = m.advisory_id";

  /** How a found match compares with the stored one. */
  enum Change {
    NEW,
    UPGRADED,
    REVISED,
    SAME
  }

  /** The asset's stored matches by advisory id. */
  /** The stored matches of each of {@code assetUids} (absent: none), read in a few queries. */
  Map<String, Map<String, Previous>> previous(Connection c, List<String> assetUids)
      throws SQLException {
    Map<String, Map<String, Previous>> out = new HashMap<>();
    for (int from = 0; from < assetUids.size(); from += 500) {
      List<String> part = assetUids.subList(from, Math.min(assetUids.size(), from + 500));
      String sql =
          "SELECT asset_uid, advisory_id, advisory_version, confidence, cvss, tlp,"
              + " explanation_json FROM matches"
              + " WHERE asset_uid IN ("
              + String.join(", ", java.util.Collections.nCopies(part.size(), "?"))
              + ")";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < part.size(); i++) {
          ps.setString(i + 1, part.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                .put(rs.getString(2), previous(rs));
          }
        }
      }
    }
    return out;
  }

  private static Previous previous(ResultSet rs) throws SQLException {
    double cvss = rs.getDouble(5);
    Optional<Double> score = rs.wasNull() ? Optional.empty() : Optional.of(cvss);
    return new Previous(
        rs.getString(3),
        Confidence.fromWire(rs.getString(4)),
        score,
        Optional.ofNullable(rs.getString(6)),
        rs.getString(7));
  }

  /** The match writes of one correlation transaction, sent as two JDBC batches. */
  Writes writes(Connection c) throws SQLException {
    return new Writes(c);
  }

  /**
   * Found matches to store: a match whose stored row already holds the same values is not written
   * again ({@code updated_at} is when the match last changed); the others go to the database in one
   * batch of inserts and one of updates when {@link #execute} is called.
   */
  static final class Writes implements AutoCloseable {
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private int inserts;
    private int updates;

    private Writes(Connection c) throws SQLException {
      this.insert =
          c.prepareStatement(
              "INSERT INTO matches (site_id, asset_uid, advisory_id, advisory_version, confidence,"
                  + " cvss, tlp, explanation_json, first_matched_at, updated_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      this.update =
          c.prepareStatement(
              "UPDATE matches SET advisory_version = ?, confidence = ?, cvss = ?, tlp = ?,"
                  + " explanation_json = ?, updated_at = ? WHERE asset_uid = ? AND advisory_id = ?");
    }

    /** Queues the write {@code f} needs over the stored {@code old} (null: none) and says why. */
    Change add(StoredAsset asset, FoundMatch f, Previous old, long now) throws SQLException {
      Object cvss = f.cvss().<Object>map(d -> d).orElse(JDBCType.DOUBLE);
      if (old == null) {
        JdbcCollectorStore.bindAll(
            insert,
            asset.siteId(),
            asset.uid(),
            f.advisoryId(),
            f.advisoryVersion(),
            f.confidence().wire(),
            cvss,
            f.tlp().orElse(null),
            f.explanationJson(),
            now,
            now);
        insert.addBatch();
        inserts++;
        return Change.NEW;
      }
      if (old.holds(f)) {
        return Change.SAME;
      }
      JdbcCollectorStore.bindAll(
          update,
          f.advisoryVersion(),
          f.confidence().wire(),
          cvss,
          f.tlp().orElse(null),
          f.explanationJson(),
          now,
          asset.uid(),
          f.advisoryId());
      update.addBatch();
      updates++;
      if (f.confidence().compareTo(old.confidence()) > 0) {
        return Change.UPGRADED;
      }
      return f.advisoryVersion().equals(old.version()) ? Change.SAME : Change.REVISED;
    }

    void execute() throws SQLException {
      if (inserts > 0) {
        insert.executeBatch();
      }
      if (updates > 0) {
        update.executeBatch();
      }
      inserts = 0;
      updates = 0;
    }

    @Override
    public void close() throws SQLException {
      try {
        insert.close();
      } finally {
        update.close();
      }
    }
  }

  void delete(Connection c, String assetUid, String advisoryId) throws SQLException {
    JdbcCollectorStore.update(
        c, "DELETE FROM matches WHERE asset_uid = ? AND advisory_id = ?", assetUid, advisoryId);
  }

  List<StoredMatch> ofSite(Connection c, String siteId, int limit, int offset) throws SQLException {
    return query(
        c,
        SELECT + " WHERE m.site_id = ? ORDER BY m.asset_uid, m.advisory_id LIMIT ? OFFSET ?",
        siteId,
        limit,
        offset);
  }

  List<StoredMatch> ofAsset(Connection c, String assetUid) throws SQLException {
    return query(c, SELECT + " WHERE m.asset_uid = ? ORDER BY m.advisory_id", assetUid);
  }

  /** The matches of each of {@code assetUids} by asset uid (absent: none), a few queries. */
  Map<String, List<StoredMatch>> ofAssets(Connection c, List<String> assetUids)
      throws SQLException {
    Map<String, List<StoredMatch>> out = new HashMap<>();
    for (int from = 0; from < assetUids.size(); from += 500) {
      List<Object> args = new ArrayList<>();
      String in =
          InList.of(
              "m.asset_uid", assetUids.subList(from, Math.min(assetUids.size(), from + 500)), args);
      for (StoredMatch m :
          query(
              c,
              SELECT + " WHERE " + in + " ORDER BY m.asset_uid, m.advisory_id",
              args.toArray())) {
        out.computeIfAbsent(m.assetUid(), k -> new ArrayList<>()).add(m);
      }
    }
    return out;
  }

  /** Saves a decision for a current match; false when there is none. */
  boolean triage(Connection c, String assetUid, String advisoryId, TriageDecision d)
      throws SQLException {
    List<StoredMatch> current =
        query(c, SELECT + " WHERE m.asset_uid = ? AND m.advisory_id = ?", assetUid, advisoryId);
    if (current.isEmpty()) {
      return false;
    }
    String site = current.get(0).siteId();
    JdbcCollectorStore.update(
        c,
        "INSERT INTO triage (asset_uid, advisory_id, site_id, state, justification, note, actor,"
            + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (asset_uid, advisory_id)"
            + " DO UPDATE SET state = excluded.state, justification = excluded.justification,"
            + " note = excluded.note, actor = excluded.actor, updated_at = excluded.updated_at",
        assetUid,
        advisoryId,
        site,
        d.state(),
        d.justification().orElse(null),
        d.note().orElse(null),
        d.actor(),
        d.at().toEpochMilli());
    AuditLog.append(
        c,
        d.at().toEpochMilli(),
        d.actor(),
        "triage.set",
        site,
        "asset="
            + assetUid
            + " advisory="
            + advisoryId
            + " state="
            + d.state()
            + d.justification().map(j -> " justification=" + j).orElse(""));
    return true;
  }

  private static List<StoredMatch> query(Connection c, String sql, Object... args)
      throws SQLException {
    List<StoredMatch> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      JdbcCollectorStore.bindAll(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
    }
    return out;
  }

  private static StoredMatch read(ResultSet rs) throws SQLException {
    double cvss = rs.getDouble("cvss");
    Optional<Double> score = rs.wasNull() ? Optional.empty() : Optional.of(cvss);
    Optional<TriageDecision> triage = Optional.empty();
    String state = rs.getString("state");
    if (state != null) {
      triage =
          Optional.of(
              new TriageDecision(
                  state,
                  AssetRows.text(rs, "justification"),
                  AssetRows.text(rs, "note"),
                  rs.getString("actor"),
                  Instant.ofEpochMilli(rs.getLong("triaged_at"))));
    }
    return new StoredMatch(
        rs.getString("site_id"),
        rs.getString("asset_uid"),
        rs.getString("advisory_id"),
        rs.getString("advisory_version"),
        Confidence.fromWire(rs.getString("confidence")),
        score,
        AssetRows.text(rs, "tlp"),
        rs.getString("explanation_json"),
        Instant.ofEpochMilli(rs.getLong("first_matched_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")),
        triage);
  }

  /** What was stored for an (asset, advisory) before this correlation. */
  record Previous(
      String version,
      Confidence confidence,
      Optional<Double> cvss,
      Optional<String> tlp,
      String explanationJson) {

    /** The stored row already holds exactly what {@code f} would write. */
    boolean holds(FoundMatch f) {
      return version.equals(f.advisoryVersion())
          && confidence == f.confidence()
          && cvss.equals(f.cvss())
          && tlp.equals(f.tlp())
          && explanationJson.equals(f.explanationJson());
    }
  }
}
