package io.fieldprint.agent.service;

import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * The timers the report schedule uses: Vert.x timers in production, a fake in tests (so the
 * schedule is checked without waiting). Actions run on the agent's event-loop context.
 */
interface ContextTimers {
  /** Runs {@code action} once after {@code delay}; returns the timer's id. */
  long once(Duration delay, Runnable action);

  /** Runs {@code action} every {@code period}, the first time one period from now. */
  long every(Duration period, Runnable action);

  void cancel(long id);

  static ContextTimers of(Vertx vertx) {
    return new ContextTimers() {
      @Override
      public long once(Duration delay, Runnable action) {
        return vertx.setTimer(Math.max(1, delay.toMillis()), id -> action.run());
      }

      @Override
      public long every(Duration period, Runnable action) {
        return vertx.setPeriodic(Math.max(1, period.toMillis()), id -> action.run());
      }

      @Override
      public void cancel(long id) {
        vertx.cancelTimer(id);
      }
    };
  }
}
