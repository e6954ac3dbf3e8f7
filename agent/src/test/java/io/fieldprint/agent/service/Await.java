package io.fieldprint.agent.service;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition the services reach on their own (polled every 100 ms, bounded). */
final class Await {
  private Await() {}

  static void until(BooleanSupplier condition, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + limit);
      }
      Thread.sleep(100);
    }
  }
}
