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
   * Runs {@code work} in one transaction when it is a request's turn to write ({@link
   * WriterQueue}): committed if it returns, rolled back if it throws. For work someone is waiting
   * for, such as an agent's report.
   */
  <T> T transaction(Work<T> work) {
    return transaction(WriterQueue.Lane.REQUEST, work);
  }

  /**
   * {@link #transaction} for work that can wait (background jobs): requests waiting to write go
   * first.
   */
  <T> T backgroundTransaction(Work<T> work) {
    return transaction(WriterQueue.Lane.BACKGROUND, work);
  }

  private <T> T transaction(WriterQueue.Lane lane, Work<T> work) {
    if (writers == null) {
      throw new IllegalStateException("a read-only store cannot write");
    }
    return writers.write(lane, () -> inTransaction(work));
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
