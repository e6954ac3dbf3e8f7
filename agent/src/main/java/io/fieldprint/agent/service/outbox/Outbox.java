package io.fieldprint.agent.service.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * The reports not yet delivered, in SQLite ({@code DATA/outbox.db}, bodies gzip-compressed: {@link
 * StoredBody}), written before any send so a crash loses nothing. Bounded: when the unsent bodies
 * (counted uncompressed) exceed {@code maxBytes}, the oldest are dropped (each report is a full
 * inventory snapshot, so a newer one supersedes them); the newest is always kept. Blocking (JDBC):
 * call from a worker thread, never an event loop.
 */
public final class Outbox implements AutoCloseable {
  private final Connection db;
  private final long maxBytes;
  private volatile long droppedTotal;
  // kept in step with the table by every write, so reading them never touches the database
  private volatile long count;
  private volatile long bytes;

  private Outbox(Connection db, long maxBytes) throws SQLException {
    this.db = db;
    this.maxBytes = maxBytes;
    this.count = single("SELECT COUNT(*) FROM outbox");
    this.bytes = single("SELECT COALESCE(SUM(bytes), 0) FROM outbox");
  }

  /** Opens (creating) the outbox in {@code dataDirectory}. */
  public static Outbox open(Path dataDirectory, long maxBytes) throws IOException {
    Files.createDirectories(dataDirectory);
    try {
      Connection db =
          DriverManager.getConnection("jdbc:sqlite:" + dataDirectory.resolve("outbox.db"));
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute(
            "CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                + " report_id TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL,"
                + " bytes INTEGER NOT NULL, body BLOB NOT NULL)");
      }
      return new Outbox(db, maxBytes);
    } catch (SQLException e) {
      throw new IOException(
          "cannot open the outbox in " + dataDirectory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Adds a report (compressed: {@link StoredBody#compress} for one held in memory), then drops the
   * oldest unsent reports while the outbox is over its bound.
   *
   * @return how many older reports were dropped to make room
   */
  public synchronized int add(String reportId, Instant createdAt, StoredBody body)
      throws IOException {
    try (PreparedStatement p =
        db.prepareStatement(
            "INSERT INTO outbox (report_id, created_at, bytes, body) VALUES (?, ?, ?, ?)")) {
      p.setString(1, reportId);
      p.setLong(2, createdAt.toEpochMilli());
      p.setLong(3, body.size());
      p.setBytes(4, body.bytes());
      p.executeUpdate();
      count++;
      bytes += body.size();
      int dropped = 0;
      while (bytes > maxBytes && count > 1) {
        removeOldest();
        dropped++;
      }
      droppedTotal += dropped;
      return dropped;
    } catch (SQLException e) {
      throw new IOException(
          "cannot write report " + reportId + " to the outbox: " + e.getMessage());
    }
  }

  private void removeOldest() throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT seq FROM outbox ORDER BY seq LIMIT 1")) {
      if (r.next()) {
        delete(r.getLong(1));
      }
    }
  }

  private void delete(long sequence) throws SQLException {
    long size;
    try (PreparedStatement q = db.prepareStatement("SELECT bytes FROM outbox WHERE seq = ?")) {
      q.setLong(1, sequence);
      try (ResultSet r = q.executeQuery()) {
        if (!r.next()) {
          return;
        }
        size = r.getLong(1);
      }
    }
    try (PreparedStatement p = db.prepareStatement("DELETE FROM outbox WHERE seq = ?")) {
      p.setLong(1, sequence);
      p.executeUpdate();
    }
    count--;
    bytes -= size;
  }

  /** The oldest unsent report. */
  public synchronized Optional<OutboxEntry> oldest() throws IOException {
    try (Statement s = db.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT seq, report_id, created_at, body, bytes FROM outbox ORDER BY seq LIMIT 1")) {
      if (!r.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new OutboxEntry(
              r.getLong(1),
              r.getString(2),
              Instant.ofEpochMilli(r.getLong(3)),
              new StoredBody(r.getBytes(4), r.getLong(5))));
    } catch (SQLException e) {
      throw new IOException("cannot read the outbox: " + e.getMessage(), e);
    }
  }

  /** Removes a delivered (or permanently refused) report. */
  public synchronized void remove(long sequence) throws IOException {
    try {
      delete(sequence);
    } catch (SQLException e) {
      throw new IOException("cannot update the outbox: " + e.getMessage(), e);
    }
  }

  /** Reports waiting; kept in memory, safe to read on an event loop. */
  public long count() {
    return count;
  }

  /** Bytes of the report bodies waiting; kept in memory, safe to read on an event loop. */
  public long bytes() {
    return bytes;
  }

  /** Reports dropped to keep the bound since this outbox was opened. */
  public long droppedTotal() {
    return droppedTotal;
  }

  private long single(String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      db.close();
    } catch (SQLException e) {
      throw new IOException("cannot close the outbox: " + e.getMessage(), e);
    }
  }
}
