package io.fieldprint.protocols.active;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;

/** Sliding one-second window of admissions; holds at most {@code perSecond} instants. */
final class RequestRate {

  private static final Duration WINDOW = Duration.ofSeconds(1);

  private final int perSecond;
  private final ArrayDeque<Instant> recent = new ArrayDeque<>();

  RequestRate(int perSecond) {
    this.perSecond = perSecond;
  }

  /** How long until one more admission fits in the window, or empty if it fits now. */
  Optional<Duration> waitAt(Instant now) {
    while (!recent.isEmpty() && !recent.peekFirst().plus(WINDOW).isAfter(now)) {
      recent.removeFirst();
    }
    if (recent.size() < perSecond) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, recent.peekFirst().plus(WINDOW)));
  }

  void record(Instant now) {
    recent.addLast(now);
  }
}
