package io.fieldprint.agent.service.config;

import io.fieldprint.protocols.active.ScanLimits;
import io.fieldprint.protocols.active.ScanTarget;
import java.time.Duration;
import java.util.List;

/**
 * Scheduled active scans. Every target lies inside {@link #allow()}; the reader refuses any other.
 *
 * @param allow the networks active probing may reach
 * @param targets the targets, expanded from {@code targets} and {@code networks} × {@code
 *     protocols}
 * @param interval time between the starts of two scans
 * @param limits the safety limits every request passes through (the one outbound gate)
 */
public record ScanSettings(
    List<AllowedNetwork> allow, List<ScanTarget> targets, Duration interval, ScanLimits limits) {
  public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

  public ScanSettings {
    allow = List.copyOf(allow);
    targets = List.copyOf(targets);
  }

  @Override
  public String toString() {
    return targets.size()
        + " target(s) in "
        + allow
        + " every "
        + DurationText.format(interval)
        + " (rate "
        + limits.maxRequestsPerSecond()
        + "/s, timeout "
        + DurationText.format(limits.requestTimeout())
        + ")";
  }
}
