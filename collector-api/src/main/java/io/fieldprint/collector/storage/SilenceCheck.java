package io.fieldprint.collector.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Marks the assets no report named for the threshold as silent and records one {@code gone_silent}
 * event each, in the caller's transaction. The event names the agent that reported the asset last
 * and, as its old value, when that was; its report id is empty (no report caused it). Rows are
 * locked in (site, asset) order, the order ingest locks them in, so the two never deadlock.
 */
final class SilenceCheck {
  /** Assets marked per round; bounds memory however many go silent at once. */
  private static final int ROUND = 2_000;

  private static final String INSERT_EVENT =
      "INSERT INTO asset_events (site_id, asset_id, kind, old_value, new_value, agent_id,"
          + " report_id, at) VALUES (?, ?, '"
          + AssetEvent.GONE_SILENT
          + "', ?, NULL, ?, '', ?)";

  private SilenceCheck() {}

  static SilenceRun run(Connection c, Dialect dialect, Instant now, Duration threshold)
      throws SQLException {
    if (!dialect.tryLock(c, Dialect.SILENCE_LOCK)) {
      return SilenceRun.SKIPPED;
    }
    long before = now.minus(threshold).toEpochMilli();
    int total = 0;
    while (true) {
      List<Silent> round = candidates(c, dialect, before);
      mark(c, round, now);
      total += round.size();
      if (round.size() < ROUND) {
        return new SilenceRun(true, total);
      }
    }
  }

  private record Silent(String site, String asset, String agent, long lastReport) {}

  private static List<Silent> candidates(Connection c, Dialect dialect, long before)
      throws SQLException {
    String sql =
        "SELECT site_id, asset_id, last_report_agent, last_report_at FROM assets"
            + " WHERE silent_since IS NULL AND last_report_at < ?"
            + " ORDER BY site_id, asset_id LIMIT "
            + ROUND
            + dialect.lockRow();
    List<Silent> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, before);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Silent(
                  rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong("last_report_at")));
        }
      }
    }
    return out;
  }

  private static void mark(Connection c, List<Silent> assets, Instant now) throws SQLException {
    if (assets.isEmpty()) {
      return;
    }
    try (PreparedStatement update =
            c.prepareStatement(
                "UPDATE assets SET silent_since = ? WHERE site_id = ? AND asset_id = ?");
        PreparedStatement event = c.prepareStatement(INSERT_EVENT)) {
      for (Silent s : assets) {
        update.setLong(1, now.toEpochMilli());
        update.setString(2, s.site());
        update.setString(3, s.asset());
        update.addBatch();
        event.setString(1, s.site());
        event.setString(2, s.asset());
        event.setString(3, Instant.ofEpochMilli(s.lastReport()).toString());
        event.setString(4, s.agent());
        event.setLong(5, now.toEpochMilli());
        event.addBatch();
      }
      update.executeBatch();
      event.executeBatch();
    }
  }
}
