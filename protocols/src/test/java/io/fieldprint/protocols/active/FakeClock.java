package io.fieldprint.protocols.active;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests advance by hand. */
final class FakeClock implements InstantSource {

  private final AtomicReference<Instant> now;

  FakeClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  FakeClock() {
    this(Instant.parse("2026-01-05T08:00:00Z"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  void advance(Duration d) {
    now.updateAndGet(t -> t.plus(d));
  }

  void advanceMillis(long millis) {
    advance(Duration.ofMillis(millis));
  }
}
