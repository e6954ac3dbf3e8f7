package io.fieldprint.collector.storage;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Lets the write transactions of the stores sharing one SQLite database in one at a time, in
 * arrival order. SQLite has one writer; without this queue the waiting connections poll the file
 * lock (busy_timeout, sleeping up to 100 ms between tries), so a writer that just arrived, such as
 * the next correlation batch, can overtake an agent's report that has waited long. On PostgreSQL
 * the queue is open: the database orders writers itself. Create one per database and hand it to
 * every store of that database.
 */
public final class WriterQueue {
  private final ReentrantLock lock;

  private WriterQueue(ReentrantLock lock) {
    this.lock = lock;
  }

  /** A queue for a database of {@code dialect}: fair and exclusive on SQLite, open otherwise. */
  public static WriterQueue forDialect(Dialect dialect) {
    return new WriterQueue(dialect == Dialect.SQLITE ? new ReentrantLock(true) : null);
  }

  /** Runs {@code work} once the earlier writers are done. */
  <T> T write(Supplier<T> work) {
    if (lock == null) {
      return work.get();
    }
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
