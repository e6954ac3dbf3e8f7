package io.fieldprint.protocols.active;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Politeness state of one device (host) during one scan. Guarded by the gate's lock. */
final class DeviceState {

  private final ScanLimits limits;
  private final Map<ScanProtocol, Integer> used = new EnumMap<>(ScanProtocol.class);
  private Permit outstanding;
  private ScanTarget connection;
  private Instant quietSince;
  private Instant backoffUntil;
  private int consecutiveFailures;
  private boolean breakerOpen;
  private int nextTransactionId = 1;

  DeviceState(ScanLimits limits) {
    this.limits = limits;
  }

  /** Why this device takes nothing more in this scan, or empty. */
  Optional<String> refusal(ScanProtocol protocol) {
    if (breakerOpen) {
      return Optional.of(
          "circuit breaker open after " + consecutiveFailures + " consecutive failures");
    }
    if (used.getOrDefault(protocol, 0) >= limits.budget(protocol)) {
      return Optional.of(
          "request budget of " + limits.budget(protocol) + " " + protocol + " requests used up");
    }
    return Optional.empty();
  }

  /** How long this device needs before the next request, or empty if it may take one now. */
  Optional<Admission.Wait> waitAt(ScanTarget target, Instant now) {
    if (outstanding != null) {
      return Optional.of(new Admission.Wait(limits.minGap(), "a request is outstanding"));
    }
    if (connection != null && !sameEndpoint(connection, target) && !idle(now)) {
      return Optional.of(
          new Admission.Wait(
              limits.minGap(), "another connection to this device is open: " + connection.uri()));
    }
    if (backoffUntil != null && backoffUntil.isAfter(now)) {
      return Optional.of(new Admission.Wait(Duration.between(now, backoffUntil), "backing off"));
    }
    if (quietSince != null && quietSince.plus(limits.minGap()).isAfter(now)) {
      return Optional.of(
          new Admission.Wait(
              Duration.between(now, quietSince.plus(limits.minGap())), "minimum gap"));
    }
    return Optional.empty();
  }

  /** The next Modbus transaction id of this device: 1–65535, wrapping. */
  int takeTransactionId() {
    int id = nextTransactionId;
    nextTransactionId = nextTransactionId == 0xFFFF ? 1 : nextTransactionId + 1;
    return id;
  }

  void admit(Permit permit) {
    outstanding = permit;
    connection = permit.target();
    used.merge(permit.request().protocol(), 1, Integer::sum);
  }

  /** The probe closed its connection to {@code target}; another endpoint may now connect. */
  void closed(ScanTarget target) {
    if (connection != null && sameEndpoint(connection, target)) {
      connection = null;
    }
  }

  /** A connection with nothing outstanding for twice the request timeout counts as closed. */
  private boolean idle(Instant now) {
    return outstanding == null
        && quietSince != null
        && !quietSince.plus(limits.requestTimeout().multipliedBy(2)).isAfter(now);
  }

  private static boolean sameEndpoint(ScanTarget a, ScanTarget b) {
    return a.protocol() == b.protocol() && a.host().equals(b.host()) && a.port() == b.port();
  }

  boolean breakerOpen() {
    return breakerOpen;
  }

  /** Frees the device; failures back off exponentially and may open the breaker. */
  void finish(Outcome outcome, Instant now) {
    outstanding = null;
    quietSince = now;
    if (outcome.deviceAnswered()) {
      consecutiveFailures = 0;
      backoffUntil = null;
      return;
    }
    consecutiveFailures++;
    if (consecutiveFailures >= limits.breakerThreshold()) {
      breakerOpen = true;
    }
    backoffUntil = now.plus(backoff(consecutiveFailures));
  }

  /** Back-off after {@code failures} consecutive failures: base × 2^(failures−1), capped. */
  Duration backoff(int failures) {
    Duration d = limits.backoffBase();
    for (int i = 1; i < failures && d.compareTo(limits.backoffMax()) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(limits.backoffMax()) > 0 ? limits.backoffMax() : d;
  }
}
