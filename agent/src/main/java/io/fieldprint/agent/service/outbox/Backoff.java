package io.fieldprint.agent.service.outbox;

import java.time.Duration;

/** Exponential back-off between delivery attempts: base, 2×base, 4×base, … capped at max. */
final class Backoff {
  private final Duration base;
  private final Duration max;
  private int failures;

  Backoff(Duration base, Duration max) {
    this.base = base;
    this.max = max;
  }

  /** Records a failure and returns how long to wait before the next attempt. */
  Duration failed() {
    int shift = Math.min(failures, 30);
    failures++;
    Duration wait = base.multipliedBy(1L << shift);
    return wait.compareTo(max) > 0 ? max : wait;
  }

  void succeeded() {
    failures = 0;
  }

  int failures() {
    return failures;
  }
}
