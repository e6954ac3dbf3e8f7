package io.fieldprint.advisories.sync;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Keeps a minimum gap between two requests to the same host. */
final class PoliteRate {
  private final long gapNanos;
  private final Map<String, Long> nextAllowed = new HashMap<>();

  PoliteRate(Duration gap) {
    this.gapNanos = gap.toNanos();
  }

  /** Waits until the host may be asked again, then books the next slot. */
  void await(String host) throws InterruptedException {
    if (gapNanos == 0) {
      return;
    }
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long allowed = nextAllowed.getOrDefault(host, now);
      long start = Math.max(now, allowed);
      nextAllowed.put(host, start + gapNanos);
      wait = start - now;
    }
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }
}
