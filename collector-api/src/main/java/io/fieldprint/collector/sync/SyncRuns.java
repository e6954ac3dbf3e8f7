package io.fieldprint.collector.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldprint.advisories.sync.SyncReport;
import io.fieldprint.collector.storage.StoreException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The {@code advisory_sync_runs} table: one row per provider per sync round. */
public final class SyncRuns {
  /** Rejected documents kept per run row; the count column has them all. */
  public static final int MAX_REJECTIONS = 100;

  private static final int MAX_TEXT = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final DataSource dataSource;

  public SyncRuns(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Records one provider's report. */
  void record(SyncReport.ProviderReport r, String runner, Instant started, Instant finished) {
    String sql =
        "INSERT INTO advisory_sync_runs (provider, runner, started_at, finished_at, listed,"
            + " fetched, added, changed, unchanged, rejected, errors_json, rejections_json)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    List<Map<String, String>> rejections =
        r.rejected().stream()
            .limit(MAX_REJECTIONS)
            .map(x -> Map.of("url", cut(x.url().toString()), "reason", cut(x.reason())))
            .toList();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, r.provider());
      ps.setString(2, runner);
      ps.setLong(3, started.toEpochMilli());
      ps.setLong(4, finished.toEpochMilli());
      ps.setInt(5, r.listed());
      ps.setInt(6, r.fetched());
      ps.setInt(7, r.added());
      ps.setInt(8, r.changed());
      ps.setInt(9, r.unchanged());
      ps.setInt(10, r.rejected().size());
      ps.setString(11, json(r.errors().stream().map(SyncRuns::cut).toList()));
      ps.setString(12, json(rejections));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("sync run not recorded: " + e.getMessage(), e);
    }
  }

  /** The newest runs first. */
  public List<SyncRun> recent(int limit) {
    String sql =
        "SELECT id, provider, runner, started_at, finished_at, listed, fetched, added, changed,"
            + " unchanged, rejected, errors_json, rejections_json FROM advisory_sync_runs"
            + " ORDER BY id DESC LIMIT ?";
    List<SyncRun> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(run(rs));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("sync runs not read: " + e.getMessage(), e);
    }
    return out;
  }

  private static SyncRun run(ResultSet rs) throws SQLException {
    try {
      List<String> errors = JSON.readValue(rs.getString(12), new TypeReference<>() {});
      List<Map<String, String>> rejected =
          JSON.readValue(rs.getString(13), new TypeReference<>() {});
      return new SyncRun(
          rs.getLong(1),
          rs.getString(2),
          rs.getString(3),
          Instant.ofEpochMilli(rs.getLong(4)),
          Instant.ofEpochMilli(rs.getLong(5)),
          rs.getInt(6),
          rs.getInt(7),
          rs.getInt(8),
          rs.getInt(9),
          rs.getInt(10),
          rs.getInt(11),
          errors,
          rejected.stream()
              .map(m -> new SyncRun.Rejection(m.get("url"), m.get("reason")))
              .toList());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String cut(String text) {
    return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
  }
}
