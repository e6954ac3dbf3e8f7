package io.fieldprint.collector.http;

import java.time.Duration;

/**
 * Waits for what the collector's background jobs (correlation, sync, delivery) reach on their own
 * timers: polls, bounded, and fails naming what did not happen. Polling, not timing.
 */
final class Await {
  private static final long POLL_MILLIS = 50;

  private Await() {}

  /** A probe that may call the API; {@code null} means "not yet". */
  @FunctionalInterface
  interface Probe<T> {
    T get() throws Exception;
  }

  /** A condition that may call the API. */
  @FunctionalInterface
  interface Condition {
    boolean met() throws Exception;
  }

  /** The first non-null value of {@code probe} within {@code limit}. */
  static <T> T value(Probe<T> probe, Duration limit, String what) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + what + " (" + limit + ")");
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /** Returns once {@code condition} holds, failing after {@code limit}. */
  static void until(Condition condition, Duration limit, String what) throws Exception {
    value(() -> condition.met() ? Boolean.TRUE : null, limit, what);
  }
}
