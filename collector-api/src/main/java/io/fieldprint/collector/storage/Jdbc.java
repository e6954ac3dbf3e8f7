package io.fieldprint.collector.storage;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs work on a pooled connection, inside a transaction when asked. */
final class Jdbc {
  private final DataSource dataSource;
  private final WriterQueue writers;

  /** For a store that only reads: {@link #transaction} is refused. */
  Jdbc(DataSource dataSource) {
    this(dataSource, null);
  }

  Jdbc(DataSource dataSource, WriterQueue writers) {
    this.dataSource = dataSource;
    this.writers = writers;
  }

  /** Work against one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs {@code work} in autocommit mode (single statements and reads). */
  <T> T read(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code work} in one transaction, after the earlier writers of the database ({@link
   * WriterQueue}): committed if it returns, rolled back if it throws.
   */
  <T> T transaction(Work<T> work) {
    if (writers == null) {
      throw new IllegalStateException("a read-only store cannot write");
    }
    return writers.write(() -> inTransaction(work));
  }

  private <T> T inTransaction(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("database write failed: " + e.getMessage(), e);
    }
  }
}
