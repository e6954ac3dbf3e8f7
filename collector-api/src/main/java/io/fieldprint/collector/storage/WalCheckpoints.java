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
 * Copies the SQLite write-ahead log into the database file from a thread of its own, so that
 * reports do not wait for it, and lets the log start again from its beginning before it grows long.
 *
 * <p>By default SQLite checkpoints inside the commit that grows the log past 1,000 pages: that
 * commit copies the log into the database file and syncs both, and the writers queued behind it
 * ({@link WriterQueue}) wait. A 200-device report dirties several hundred pages, so every second or
 * third report was such a commit (a JFR profile of {@code bench/collector} showed half the native
 * time of ingest threads in {@code COMMIT}). Here this thread runs a {@code PASSIVE} checkpoint
 * every {@link #INTERVAL}, beside the writers: it copies what is committed without waiting for, or
 * blocking, readers and writers.
 *
 * <p>SQLite starts the log again from its beginning only when a writer begins while all of it is in
 * the database file and no reader is still reading the log, which writers committing side by side
 * with this thread rarely see. So once the log is {@link #RESTART_PAGES} long, the thread copies
 * once more what was committed during its first pass, then takes a turn in the writers' queue (in
 * the background lane, after the reports waiting) and runs a {@code RESTART} checkpoint: it copies
 * the little committed since and waits at most {@link #RESTART_READER_WAIT} for readers of the log,
 * so that the next writer can start it afresh. Before this, the log grew to 64 MiB, where a
 * committing connection checkpointed: it copied and synced up to half a second of other writers'
 * pages while the report that happened to commit it, and the writers queued behind it, waited
 * 130-300 ms (every 1-2 s at 2,000 assets/s). That commit-time checkpoint stays, at {@link
 * #WRITER_PAGES}, as the bound on the log should this thread stall or readers keep the log from
 * starting again. A {@code TRUNCATE} checkpoint, which empties the log itself, was tried: on {@code
 * bench/collector} its turns held the queue 139 ms on average (freeing the log file's blocks,
 * waiting for readers) against 80 ms. Closing runs a last {@code TRUNCATE} checkpoint, leaving an
 * empty log.
 */
final class WalCheckpoints implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WalCheckpoints.class);

  /** How often the log is copied into the database file. */
  static final Duration INTERVAL = Duration.ofMillis(500);

  /**
   * Log length (pages of 4 KiB, 256 MiB) at which a committing connection checkpoints after all,
   * letting the log restart: the bound on the log should this thread stall. Correlating a stream of
   * new devices writes the log at up to 90 MB/s (matches with their explanations, alerts, outbox),
   * so a bound of 64 MiB was reached between two rounds of this thread.
   */
  static final int WRITER_PAGES = 65_536;

  /** Log length (pages of 4 KiB, 16 MiB) from which this thread lets the log restart. */
  static final int RESTART_PAGES = 4_096;

  /**
   * How long this thread's checkpoints wait for readers still reading the log: the {@code RESTART}
   * turn, and the last {@code TRUNCATE} at close (when the pool, closed first, has no readers
   * left).
   */
  static final Duration RESTART_READER_WAIT = Duration.ofMillis(50);

  /** Runs on every pooled connection. */
  static final String WRITER_SETTING = "PRAGMA wal_autocheckpoint = " + WRITER_PAGES;

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
   * Starts checkpointing the database at {@code jdbcUrl} (already in WAL mode), whose writers queue
   * in {@code writers}.
   */
  static WalCheckpoints start(String jdbcUrl, WriterQueue writers) {
    Connection c;
    try {
      c = DriverManager.getConnection(jdbcUrl);
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA busy_timeout = " + RESTART_READER_WAIT.toMillis());
      }
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
      Result passive = run("PASSIVE");
      if (passive.logPages() >= RESTART_PAGES) {
        // what was committed during the first pass is copied outside the queue too, so the turn
        // inside it is short
        run("PASSIVE");
        writers.write(WriterQueue.Lane.BACKGROUND, this::restart);
      }
    } catch (SQLException | RuntimeException e) {
      // never let it escape: the executor would cancel every later round. The next round tries
      // again; committing connections checkpoint past WRITER_PAGES meanwhile
      LOG.warn("SQLite checkpoint failed: {}", e.getMessage());
    }
  }

  /**
   * Inside the writers' queue: copies the rest of the log and waits briefly for readers of it, so
   * the next writer can start the log from its beginning.
   */
  private Result restart() {
    try {
      return run("RESTART");
    } catch (SQLException e) {
      throw new StoreException("SQLite restart checkpoint failed: " + e.getMessage(), e);
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
