package io.fieldprint.collector.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the SQLite write-ahead log into the database file from a thread of its own, so that no
 * agent's report pays for it.
 *
 * <p>By default SQLite checkpoints inside the commit that grows the log past 1,000 pages: that
 * commit copies the log into the database file and syncs it, and the writers queued behind it
 * ({@link WriterQueue}) wait. A 200-device report dirties several hundred pages, so every second or
 * third report was such a commit (a JFR profile of {@code bench/collector} showed half the native
 * time of ingest threads in {@code COMMIT}). Here committing connections checkpoint only as a
 * safety net ({@link #WRITER_PAGES}, should this thread fall behind), and every {@link #INTERVAL}
 * this thread
 *
 * <ol>
 *   <li>runs a {@code PASSIVE} checkpoint beside the writers: it copies the log and syncs the
 *       database file without waiting for, or blocking, readers and writers;
 *   <li>if that left the log long, runs a second {@code PASSIVE} checkpoint in the writers' queue,
 *       copying only what was committed during the first. With no write transaction open during it,
 *       the next writer starts the log again from its beginning (SQLite restarts a log only when
 *       every page of it is in the database file as the writer begins).
 * </ol>
 *
 * Closing runs a last {@code TRUNCATE} checkpoint, leaving an empty log.
 */
final class WalCheckpoints implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WalCheckpoints.class);

  /** How often the log is copied into the database file. */
  static final Duration INTERVAL = Duration.ofMillis(500);

  /**
   * Log size (pages of 4 KiB) at which a committing connection checkpoints after all, 64 MiB: the
   * bound on the log should this thread stall.
   */
  static final int WRITER_PAGES = 16_384;

  /** Runs on every pooled connection. */
  static final String WRITER_SETTING = "PRAGMA wal_autocheckpoint = " + WRITER_PAGES;

  /** Log length (pages) from which a checkpoint in the writers' queue lets the log restart. */
  static final int RESTART_PAGES = 1_000;

  private final Connection connection;
  private final WriterQueue writers;
  private final ScheduledExecutorService thread;

  private WalCheckpoints(
      Connection connection, WriterQueue writers, ScheduledExecutorService thread) {
    this.connection = connection;
    this.writers = writers;
    this.thread = thread;
  }

  /**
   * Starts checkpointing the database at {@code jdbcUrl} (already in WAL mode) whose write
   * transactions go through {@code writers}.
   */
  static WalCheckpoints start(String jdbcUrl, WriterQueue writers) {
    Connection c;
    try {
      c = DriverManager.getConnection(jdbcUrl);
    } catch (SQLException e) {
      throw new StoreException("cannot open the SQLite database for checkpoints: " + e, e);
    }
    ScheduledExecutorService thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "fieldprint-wal-checkpoint");
              t.setDaemon(true);
              return t;
            });
    WalCheckpoints checkpoints = new WalCheckpoints(c, writers, thread);
    long every = INTERVAL.toMillis();
    thread.scheduleWithFixedDelay(checkpoints::round, every, every, TimeUnit.MILLISECONDS);
    return checkpoints;
  }

  private void round() {
    try {
      Result beside = run("PASSIVE");
      if (!beside.busy()
          && beside.copiedPages() == beside.logPages()
          && beside.logPages() >= RESTART_PAGES) {
        writers.write(this::passiveInQueue);
      }
    } catch (SQLException | StoreException e) {
      // the next round tries again; committing connections checkpoint past WRITER_PAGES meanwhile
      LOG.warn("SQLite checkpoint failed: {}", e.getMessage());
    }
  }

  private Result passiveInQueue() {
    try {
      return run("PASSIVE");
    } catch (SQLException e) {
      throw new StoreException("SQLite checkpoint failed: " + e.getMessage(), e);
    }
  }

  /** One checkpoint; returns the log's pages and how many of them are in the database file. */
  Result run(String mode) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
      rs.next();
      return new Result(rs.getInt(1) != 0, rs.getInt(2), rs.getInt(3));
    }
  }

  /** Whether the checkpoint met a lock it would not wait for, the log's pages, those copied. */
  record Result(boolean busy, int logPages, int copiedPages) {}

  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("SQLite checkpoint thread still running at close");
      }
      run("TRUNCATE");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      LOG.warn("last SQLite checkpoint failed: {}", e.getMessage());
    } finally {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("closing the checkpoint connection: {}", e.getMessage());
      }
    }
  }
}
