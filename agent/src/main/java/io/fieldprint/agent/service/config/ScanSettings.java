package io.fieldprint.agent.service.config;

import io.fieldprint.protocols.active.ScanLimits;
import io.fieldprint.protocols.active.ScanTarget;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Scheduled active scans. Every target lies inside {@link #allow()}; the reader refuses any other.
 *
 * @param allow the networks active probing may reach
 * @param targets the targets, expanded from {@code targets} and {@code networks} × {@code
 *     protocols}
 * @param interval time between the starts of two scans
 * @param limits the safety limits every request passes through (the one outbound gate)
 * @param onlySeen whether a target expanded from {@code networks} waits until the live capture saw
 *     its host speak the target's protocol (targets listed explicitly never wait)
 * @param explicit the targets listed in {@code targets}
 */
public record ScanSettings(
    List<AllowedNetwork> allow,
    List<ScanTarget> targets,
    Duration interval,
    ScanLimits limits,
    boolean onlySeen,
    Set<ScanTarget> explicit) {
  public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

  public ScanSettings {
    allow = List.copyOf(allow);
    targets = List.copyOf(targets);
    explicit = Set.copyOf(explicit);
  }

  /** Whether {@code target} is probed only after the live capture saw its host. */
  public boolean waitsForSighting(ScanTarget target) {
    return onlySeen && !explicit.contains(target);
  }

  @Override
  public String toString() {
    return targets.size()
        + " target(s) in "
        + allow
        + " every "
        + DurationText.format(interval)
        + (onlySeen ? ", network hosts only once seen passively" : "")
        + " (rate "
        + limits.maxRequestsPerSecond()
        + "/s, timeout "
        + DurationText.format(limits.requestTimeout())
        + ")";
  }
}
