package io.fieldprint.collector.sync;

import com.zaxxer.hikari.HikariDataSource;
import io.fieldprint.collector.storage.Dialect;
import io.fieldprint.collector.storage.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Makes a background job round run on one collector at a time when several share one PostgreSQL: a
 * session-level advisory lock ({@code pg_try_advisory_lock}) per job, held on its own connection
 * while the round runs. A collector that does not get the lock skips its round; the holder's crash
 * releases the lock with its connection. On SQLite one collector owns the database file, so every
 * round runs.
 */
public final class JobLock {
  /** The background jobs, each with its own lock key. */
  public enum Job {
    ADVISORY_SYNC(0x66706a01L),
    CORRELATION(0x66706a02L),
    ALERT_DELIVERY(0x66706a03L);

    private final long key;

    Job(long key) {
      this.key = key;
    }

    /** The PostgreSQL advisory-lock key. */
    public long key() {
      return key;
    }
  }

  private final DataSource dataSource;
  private final Dialect dialect;

  public JobLock(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /** Runs {@code round} unless another collector runs this job now; returns whether it ran. */
  public boolean runAlone(Job job, Runnable round) {
    if (dialect != Dialect.POSTGRESQL) {
      round.run();
      return true;
    }
    Connection c;
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      throw new StoreException("no connection for the " + job + " lock: " + e.getMessage(), e);
    }
    try {
      if (!call(c, "SELECT pg_try_advisory_lock(?)", job.key())) {
        close(c);
        return false;
      }
    } catch (SQLException e) {
      evict(c);
      throw new StoreException("cannot take the " + job + " lock: " + e.getMessage(), e);
    }
    try {
      round.run();
      return true;
    } finally {
      release(c, job);
    }
  }

  private void release(Connection c, Job job) {
    try {
      if (call(c, "SELECT pg_advisory_unlock(?)", job.key())) {
        close(c);
        return;
      }
    } catch (SQLException e) {
      // fall through: the connection must not go back to the pool still holding the lock
    }
    evict(c);
  }

  private static boolean call(Connection c, String sql, long key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /** Closes the connection for good, which ends its session and so any lock it holds. */
  private void evict(Connection c) {
    if (dataSource instanceof HikariDataSource hikari) {
      hikari.evictConnection(c);
    } else {
      close(c);
    }
  }

  private static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // returning a connection to the pool does not fail in a way we could act on
    }
  }
}
