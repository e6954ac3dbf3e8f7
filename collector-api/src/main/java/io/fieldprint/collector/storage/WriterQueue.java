package io.fieldprint.collector.storage;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Lets a store's write transactions into SQLite one at a time, in arrival order. SQLite has one
 * writer; without this queue the waiting connections poll the file lock (busy_timeout, sleeping up
 * to 100 ms between tries) and a writer that just arrived can overtake one that waited long. On
 * PostgreSQL the queue is open: the database orders writers itself.
 */
final class WriterQueue {
  private final Semaphore permit;

  private WriterQueue(Semaphore permit) {
    this.permit = permit;
  }

  static WriterQueue forDialect(Dialect dialect) {
    return new WriterQueue(dialect == Dialect.SQLITE ? new Semaphore(1, true) : null);
  }

  /** Runs {@code work} once this store's earlier writers are done. */
  <T> T write(Supplier<T> work) {
    if (permit == null) {
      return work.get();
    }
    permit.acquireUninterruptibly();
    try {
      return work.get();
    } finally {
      permit.release();
    }
  }
}
