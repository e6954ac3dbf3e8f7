package io.fieldprint.protocols.active;

import java.time.Duration;
import java.util.List;

/**
 * Builds {@link ScanLimits} starting from the documented defaults; set only what differs. {@link
 * #build()} does not validate — call {@link ScanLimits#validate()} to get every error at once.
 */
public final class ScanLimitsBuilder {

  private Duration minGap;
  private Duration requestTimeout;
  private Duration backoffBase;
  private Duration backoffMax;
  private int modbusBudget;
  private int opcUaBudget;
  private int breakerThreshold;
  private int globalBreakerDevices;
  private int maxConcurrentRequests;
  private int maxRequestsPerSecond;
  private int maxDevicesInProgress;
  private int maxDevices;
  private List<Integer> unitIds;

  ScanLimitsBuilder(ScanLimits from) {
    minGap = from.minGap();
    requestTimeout = from.requestTimeout();
    backoffBase = from.backoffBase();
    backoffMax = from.backoffMax();
    modbusBudget = from.modbusBudget();
    opcUaBudget = from.opcUaBudget();
    breakerThreshold = from.breakerThreshold();
    globalBreakerDevices = from.globalBreakerDevices();
    maxConcurrentRequests = from.maxConcurrentRequests();
    maxRequestsPerSecond = from.maxRequestsPerSecond();
    maxDevicesInProgress = from.maxDevicesInProgress();
    maxDevices = from.maxDevices();
    unitIds = from.unitIds();
  }

  public ScanLimitsBuilder minGap(Duration value) {
    minGap = value;
    return this;
  }

  public ScanLimitsBuilder requestTimeout(Duration value) {
    requestTimeout = value;
    return this;
  }

  public ScanLimitsBuilder backoff(Duration base, Duration max) {
    backoffBase = base;
    backoffMax = max;
    return this;
  }

  public ScanLimitsBuilder modbusBudget(int value) {
    modbusBudget = value;
    return this;
  }

  public ScanLimitsBuilder opcUaBudget(int value) {
    opcUaBudget = value;
    return this;
  }

  public ScanLimitsBuilder breakerThreshold(int value) {
    breakerThreshold = value;
    return this;
  }

  public ScanLimitsBuilder globalBreakerDevices(int value) {
    globalBreakerDevices = value;
    return this;
  }

  public ScanLimitsBuilder maxConcurrentRequests(int value) {
    maxConcurrentRequests = value;
    return this;
  }

  public ScanLimitsBuilder maxRequestsPerSecond(int value) {
    maxRequestsPerSecond = value;
    return this;
  }

  public ScanLimitsBuilder maxDevicesInProgress(int value) {
    maxDevicesInProgress = value;
    return this;
  }

  public ScanLimitsBuilder maxDevices(int value) {
    maxDevices = value;
    return this;
  }

  public ScanLimitsBuilder unitIds(List<Integer> value) {
    unitIds = value;
    return this;
  }

  public ScanLimits build() {
    return new ScanLimits(
        minGap,
        requestTimeout,
        backoffBase,
        backoffMax,
        modbusBudget,
        opcUaBudget,
        breakerThreshold,
        globalBreakerDevices,
        maxConcurrentRequests,
        maxRequestsPerSecond,
        maxDevicesInProgress,
        maxDevices,
        unitIds);
  }
}
