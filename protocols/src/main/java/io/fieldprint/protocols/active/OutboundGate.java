package io.fieldprint.protocols.active;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single choke point every probe calls before a request leaves the process, one per scan. It
 * applies the {@link RequestPolicy}, then per device (host): the circuit breaker, the request
 * budget, one outstanding request, one connection, exponential back-off after failures and the
 * minimum gap; then globally: the scan-wide breaker, bounded concurrency and the request rate.
 * Every sent request (with its outcome) and every refusal goes to the {@link AuditLog}.
 * Thread-safe; state is bounded by {@link ScanLimits#maxDevices()} and {@link
 * ScanLimits#maxConcurrentRequests()}.
 */
public final class OutboundGate {

  private static final Logger LOG = LoggerFactory.getLogger(OutboundGate.class);

  private static final String AUDIT_FAILED = "audit log failed: ";

  private final ScanLimits limits;
  private final RequestPolicy policy;
  private final InstantSource clock;
  private final AuditLog audit;
  private final Map<String, DeviceState> devices = new HashMap<>();
  private final Set<Permit> outstanding = new LinkedHashSet<>();
  private final RequestRate rate;
  private int openBreakers;
  private String stopReason;

  /**
   * @throws IllegalArgumentException listing every invalid limit
   */
  public OutboundGate(
      ScanLimits limits, RequestPolicy policy, InstantSource clock, AuditLog audit) {
    if (!limits.validate().isEmpty()) {
      throw new IllegalArgumentException("invalid scan limits: " + limits.validate());
    }
    this.limits = limits;
    this.policy = policy;
    this.clock = clock;
    this.audit = audit;
    this.rate = new RequestRate(limits.maxRequestsPerSecond());
  }

  /** May {@code request} be sent to {@code target} now? */
  public synchronized Admission admit(ScanTarget target, ScanRequest request) {
    Instant now = clock.instant();
    expireOverdue(now);
    Optional<String> refusal = refusal(target, request);
    if (refusal.isPresent()) {
      record(refusedRecord(now, target, request, refusal.get()));
      return new Admission.Refused(refusal.get());
    }
    DeviceState device = devices.get(target.device());
    Optional<Admission.Wait> wait = device.waitAt(target, now).or(() -> globalWait(now));
    if (wait.isPresent()) {
      return wait.get();
    }
    int transactionId = request instanceof ModbusRequest ? device.takeTransactionId() : 0;
    Permit permit = new Permit(this, target, request, transactionId, now, limits.requestTimeout());
    device.admit(permit);
    outstanding.add(permit);
    rate.record(now);
    return new Admission.Admitted(permit);
  }

  /**
   * The probe closed its connection to {@code target}. Until then (or until the connection has been
   * idle for twice the request timeout) requests to another port or protocol of the same device
   * wait: one connection per device.
   */
  public synchronized void connectionClosed(ScanTarget target) {
    DeviceState device = devices.get(target.device());
    if (device != null) {
      device.closed(target);
    }
  }

  /** Kill switch: from now on every request is refused with {@code reason}. */
  public synchronized void stop(String reason) {
    if (stopReason == null) {
      stopReason = reason;
    }
  }

  /** Requests admitted and not yet completed, over all devices. */
  public synchronized int outstandingCount() {
    return outstanding.size();
  }

  synchronized boolean complete(Permit permit, Outcome outcome) {
    if (!outstanding.remove(permit)) {
      return false;
    }
    finish(permit, outcome, clock.instant(), "reported by probe");
    return true;
  }

  private Optional<String> refusal(ScanTarget target, ScanRequest request) {
    if (request.protocol() != target.protocol()) {
      return Optional.of(request.protocol() + " request to a " + target.protocol() + " target");
    }
    Optional<String> policyRefusal = policy.refusal(request);
    if (policyRefusal.isPresent()) {
      return policyRefusal;
    }
    if (stopReason != null) {
      return Optional.of("scan stopped: " + stopReason);
    }
    if (openBreakers >= limits.globalBreakerDevices()) {
      return Optional.of(
          "scan-wide circuit breaker open: " + openBreakers + " devices stopped answering");
    }
    DeviceState device = devices.get(target.device());
    if (device == null) {
      if (devices.size() >= limits.maxDevices()) {
        return Optional.of("device limit of " + limits.maxDevices() + " per scan reached");
      }
      device = new DeviceState(limits);
      devices.put(target.device(), device);
    }
    return device.refusal(request.protocol());
  }

  private Optional<Admission.Wait> globalWait(Instant now) {
    if (outstanding.size() >= limits.maxConcurrentRequests()) {
      return Optional.of(new Admission.Wait(limits.minGap(), "global concurrency limit reached"));
    }
    return rate.waitAt(now).map(d -> new Admission.Wait(d, "global request rate limit reached"));
  }

  private void expireOverdue(Instant now) {
    Duration grace = limits.requestTimeout().multipliedBy(2);
    var it = outstanding.iterator();
    while (it.hasNext()) {
      Permit permit = it.next();
      if (!permit.admittedAt().plus(grace).isAfter(now)) {
        it.remove();
        finish(permit, Outcome.TIMEOUT, now, "expired: never completed by the probe");
      }
    }
  }

  private void finish(Permit permit, Outcome outcome, Instant now, String detail) {
    DeviceState device = devices.get(permit.target().device());
    boolean wasOpen = device.breakerOpen();
    device.finish(outcome, now);
    if (!wasOpen && device.breakerOpen()) {
      openBreakers++;
      LOG.warn("circuit breaker open for {}: stopped answering", permit.target().device());
    }
    record(
        new AuditRecord(
            permit.admittedAt(),
            permit.target().uri(),
            permit.request().protocol().name(),
            wireText(permit),
            "SENT",
            outcome.name(),
            detail,
            Duration.between(permit.admittedAt(), now).toMillis()));
  }

  /** Writes one audit line; if the log fails, the scan stops: nothing unrecorded is sent. */
  private void record(AuditRecord line) {
    String stoppedFor;
    synchronized (this) {
      stoppedFor = stopReason;
    }
    if (stoppedFor != null && stoppedFor.startsWith(AUDIT_FAILED)) {
      return;
    }
    try {
      audit.append(line);
    } catch (RuntimeException e) {
      if (stoppedFor != null) {
        // a late outcome of a request sent before the stop, after its owner closed the log
        LOG.warn(
            "audit log: outcome of {} not recorded ({}; the scan had stopped: {})",
            line.request(),
            e.getMessage(),
            stoppedFor);
        return;
      }
      LOG.error("audit log failed, stopping the scan", e);
      stop(AUDIT_FAILED + e.getMessage());
    }
  }

  private static String wireText(Permit permit) {
    return permit
        .modbusFrame()
        .map(bytes -> HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes))
        .orElse(permit.request().auditText());
  }

  private static AuditRecord refusedRecord(
      Instant now, ScanTarget target, ScanRequest request, String reason) {
    return new AuditRecord(
        now,
        target.uri(),
        request.protocol().name(),
        request.auditText(),
        "REFUSED",
        "NOT_SENT",
        reason,
        0);
  }
}
