package io.fieldprint.protocols.active.opcua;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** The hard time budget of one probe. */
final class Deadline {

  private final InstantSource clock;
  private final Instant end;

  Deadline(InstantSource clock, Duration budget) {
    this.clock = clock;
    this.end = clock.instant().plus(budget);
  }

  /** Time left, never negative. */
  Duration remaining() {
    Duration left = Duration.between(clock.instant(), end);
    return left.isNegative() ? Duration.ZERO : left;
  }

  boolean expired() {
    return remaining().isZero();
  }

  /** Whether waiting {@code wait} still leaves time before the end. */
  boolean allows(Duration wait) {
    return wait.compareTo(remaining()) < 0;
  }
}
