package io.fieldprint.collector.storage;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Lets the write transactions of the stores sharing one SQLite database in one at a time. SQLite
 * has one writer; without this queue the waiting connections poll the file lock (busy_timeout,
 * sleeping up to 100 ms between tries), so whoever polls at the right moment wins.
 *
 * <p>Writers wait in two lanes. {@link Lane#REQUEST} is for work someone is waiting for, an agent's
 * report above all; {@link Lane#BACKGROUND} for work that can wait, such as the correlation job's
 * writes and alert-delivery bookkeeping. Each lane is first come, first served, and a request goes
 * before every background writer that is waiting, unless the oldest of them has waited {@link
 * #BACKGROUND_MAX_WAIT}: then it goes next, so background work slows down under a steady stream of
 * reports but never stops. A transaction that has begun is never interrupted: a report waits for
 * the one in progress, the requests ahead of it and the background writers that have waited their
 * limit. A writer already holding the turn that writes again (nested) goes straight on.
 *
 * <p>On PostgreSQL the queue is open: the database orders writers itself. Create one per database
 * and hand it to every store of that database.
 */
public final class WriterQueue {
  /** How long the oldest background writer lets requests overtake it. */
  static final Duration BACKGROUND_MAX_WAIT = Duration.ofMillis(250);

  /** Which lane a writer waits in. */
  enum Lane {
    /** Work someone is waiting for: reports and other API requests. */
    REQUEST,
    /** Work that can wait: background jobs. */
    BACKGROUND
  }

  private final boolean exclusive;
  private final LongSupplier nanoTime;
  private final long backgroundMaxWaitNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition handedOver = lock.newCondition();
  private final ArrayDeque<Waiter> requests = new ArrayDeque<>();
  private final ArrayDeque<Waiter> background = new ArrayDeque<>();
  private boolean writing;
  private volatile Thread holder;

  WriterQueue(boolean exclusive, LongSupplier nanoTime, Duration backgroundMaxWait) {
    this.exclusive = exclusive;
    this.nanoTime = nanoTime;
    this.backgroundMaxWaitNanos = backgroundMaxWait.toNanos();
  }

  /** A queue for a database of {@code dialect}: exclusive on SQLite, open otherwise. */
  public static WriterQueue forDialect(Dialect dialect) {
    return new WriterQueue(dialect == Dialect.SQLITE, System::nanoTime, BACKGROUND_MAX_WAIT);
  }

  /** Runs {@code work} once it is the turn of a writer in {@code lane}. */
  <T> T write(Lane lane, Supplier<T> work) {
    if (!exclusive || holder == Thread.currentThread()) {
      return work.get();
    }
    enter(lane);
    holder = Thread.currentThread();
    try {
      return work.get();
    } finally {
      holder = null;
      leave();
    }
  }

  private void enter(Lane lane) {
    lock.lock();
    try {
      if (!writing) {
        writing = true;
        return;
      }
      Waiter me = new Waiter(nanoTime.getAsLong());
      (lane == Lane.REQUEST ? requests : background).add(me);
      boolean interrupted = false;
      // a waiter that left on interrupt would leave its turn unused and stall the queue, so
      // waiting goes on and the interrupt is kept for the caller
      while (!me.granted) {
        try {
          handedOver.await();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Hands the database to the next writer, or marks it free when none waits. */
  private void leave() {
    lock.lock();
    try {
      Waiter next = next();
      if (next == null) {
        writing = false;
      } else {
        next.granted = true;
        handedOver.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  private Waiter next() {
    Waiter oldestBackground = background.peek();
    if (oldestBackground != null
        && (requests.isEmpty()
            || nanoTime.getAsLong() - oldestBackground.since >= backgroundMaxWaitNanos)) {
      return background.poll();
    }
    return requests.poll();
  }

  /** Writers waiting in {@code lane} (for tests). */
  int waiting(Lane lane) {
    lock.lock();
    try {
      return (lane == Lane.REQUEST ? requests : background).size();
    } finally {
      lock.unlock();
    }
  }

  private static final class Waiter {
    final long since;
    boolean granted;

    Waiter(long since) {
      this.since = since;
    }
  }
}
