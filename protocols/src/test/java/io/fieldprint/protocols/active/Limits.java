package io.fieldprint.protocols.active;

import java.time.Duration;

/** Test-side builder for {@link ScanLimits} variations. */
final class Limits {

  private ScanLimits l = ScanLimits.defaults();

  static Limits defaults() {
    return new Limits();
  }

  Limits breakerThreshold(int n) {
    l =
        new ScanLimits(
            l.minGap(),
            l.requestTimeout(),
            l.backoffBase(),
            l.backoffMax(),
            l.modbusBudget(),
            l.opcUaBudget(),
            n,
            l.globalBreakerDevices(),
            l.maxConcurrentRequests(),
            l.maxRequestsPerSecond(),
            l.maxDevices(),
            l.unitIds());
    return this;
  }

  Limits modbusBudget(int n) {
    l =
        new ScanLimits(
            l.minGap(),
            l.requestTimeout(),
            l.backoffBase(),
            l.backoffMax(),
            n,
            l.opcUaBudget(),
            l.breakerThreshold(),
            l.globalBreakerDevices(),
            l.maxConcurrentRequests(),
            l.maxRequestsPerSecond(),
            l.maxDevices(),
            l.unitIds());
    return this;
  }

  Limits concurrency(int n) {
    l =
        new ScanLimits(
            l.minGap(),
            l.requestTimeout(),
            l.backoffBase(),
            l.backoffMax(),
            l.modbusBudget(),
            l.opcUaBudget(),
            l.breakerThreshold(),
            l.globalBreakerDevices(),
            n,
            l.maxRequestsPerSecond(),
            l.maxDevices(),
            l.unitIds());
    return this;
  }

  Limits rate(int n) {
    l =
        new ScanLimits(
            l.minGap(),
            l.requestTimeout(),
            l.backoffBase(),
            l.backoffMax(),
            l.modbusBudget(),
            l.opcUaBudget(),
            l.breakerThreshold(),
            l.globalBreakerDevices(),
            l.maxConcurrentRequests(),
            n,
            l.maxDevices(),
            l.unitIds());
    return this;
  }

  Limits maxDevices(int n) {
    l =
        new ScanLimits(
            l.minGap(),
            l.requestTimeout(),
            l.backoffBase(),
            l.backoffMax(),
            l.modbusBudget(),
            l.opcUaBudget(),
            l.breakerThreshold(),
            l.globalBreakerDevices(),
            l.maxConcurrentRequests(),
            l.maxRequestsPerSecond(),
            n,
            l.unitIds());
    return this;
  }

  Limits backoff(Duration base, Duration max) {
    l =
        new ScanLimits(
            l.minGap(),
            l.requestTimeout(),
            base,
            max,
            l.modbusBudget(),
            l.opcUaBudget(),
            l.breakerThreshold(),
            l.globalBreakerDevices(),
            l.maxConcurrentRequests(),
            l.maxRequestsPerSecond(),
            l.maxDevices(),
            l.unitIds());
    return this;
  }

  ScanLimits build() {
    return l;
  }
}
