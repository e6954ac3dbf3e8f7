package io.fieldprint.collector.config;

import java.time.Duration;

/**
 * When an asset counts as gone silent: no report of its site named it for {@code threshold}. The
 * check runs every {@code checkInterval}; a silent asset gets one {@code gone_silent} event, and
 * {@code seen_again} when a report names it again.
 *
 * @param checkInterval time between two checks, 10 s to 1 day
 * @param threshold time without a report naming the asset, 1 minute to 365 days, at least the check
 *     interval
 */
public record Silence(Duration checkInterval, Duration threshold) {
  public static final Silence DEFAULTS = new Silence(Duration.ofMinutes(5), Duration.ofHours(24));

  public Silence {
    if (checkInterval.compareTo(Duration.ofSeconds(10)) < 0
        || checkInterval.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("silence check interval must be 10 s to 1 day");
    }
    if (threshold.compareTo(Duration.ofMinutes(1)) < 0
        || threshold.compareTo(Duration.ofDays(365)) > 0) {
      throw new IllegalArgumentException("silence threshold must be 1 minute to 365 days");
    }
    if (threshold.compareTo(checkInterval) < 0) {
      throw new IllegalArgumentException("silence threshold must be at least the check interval");
    }
  }
}
