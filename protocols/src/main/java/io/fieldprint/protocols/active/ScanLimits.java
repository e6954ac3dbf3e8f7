package io.fieldprint.protocols.active;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Every limit of an active scan, immutable, with documented defaults ({@link #defaults()}). Call
 * {@link #validate()} at start: it lists every invalid value at once.
 *
 * @param minGap least time between two requests to one device (default 250 ms; at least 100 ms)
 * @param requestTimeout how long one attempt may take (default 3 s; 500 ms – 30 s)
 * @param backoffBase wait after the first failure of a device (default 5 s; 1 s – 10 min)
 * @param backoffMax back-off cap; doubles per consecutive failure up to this (default 5 min; at
 *     least backoffBase, at most 1 h)
 * @param modbusBudget Modbus requests per device per scan (default 6; 1–32)
 * @param opcUaBudget OPC UA service calls per device per scan (default 25; 1–100)
 * @param breakerThreshold consecutive failures that open a device's circuit breaker (default 3;
 *     1–10)
 * @param globalBreakerDevices devices with an open breaker that stop the whole scan (default 5;
 *     1–1000)
 * @param maxConcurrentRequests requests outstanding at once over all devices (default 8; 1–64)
 * @param maxRequestsPerSecond requests admitted in any one-second window over all devices (default
 *     100; 1–1000). The per-device limits protect each device (at most one request per minGap);
 *     this one bounds the load on the shared network (switches, firewalls, IDS).
 * @param maxDevicesInProgress devices being probed at once, each with at most one connection
 *     (default 64; 1–256). Most of a device's time is its minGap, so this is what lets the global
 *     rate be used.
 * @param maxDevices devices one scan may touch; bounds the gate's state (default 1024; 1–4096)
 * @param unitIds Modbus unit ids tried in order when the target names none (default 255, 1; 0 only
 *     if listed; 1–8 distinct values 0–255)
 */
public record ScanLimits(
    Duration minGap,
    Duration requestTimeout,
    Duration backoffBase,
    Duration backoffMax,
    int modbusBudget,
    int opcUaBudget,
    int breakerThreshold,
    int globalBreakerDevices,
    int maxConcurrentRequests,
    int maxRequestsPerSecond,
    int maxDevicesInProgress,
    int maxDevices,
    List<Integer> unitIds) {

  public ScanLimits {
    unitIds = List.copyOf(unitIds);
  }

  /** The documented defaults. */
  public static ScanLimits defaults() {
    return new ScanLimits(
        Duration.ofMillis(250),
        Duration.ofSeconds(3),
        Duration.ofSeconds(5),
        Duration.ofMinutes(5),
        6,
        25,
        3,
        5,
        8,
        100,
        64,
        1024,
        List.of(255, 1));
  }

  /** A builder starting from {@link #defaults()}. */
  public static ScanLimitsBuilder builder() {
    return new ScanLimitsBuilder(defaults());
  }

  /** The request budget per device for {@code protocol}. */
  public int budget(ScanProtocol protocol) {
    return protocol == ScanProtocol.MODBUS ? modbusBudget : opcUaBudget;
  }

  /** Every invalid value, each naming the setting; empty when the limits are usable. */
  public List<String> validate() {
    List<String> errors = new ArrayList<>();
    range(errors, "minGap", minGap, Duration.ofMillis(100), Duration.ofMinutes(1));
    range(errors, "requestTimeout", requestTimeout, Duration.ofMillis(500), Duration.ofSeconds(30));
    range(errors, "backoffBase", backoffBase, Duration.ofSeconds(1), Duration.ofMinutes(10));
    range(errors, "backoffMax", backoffMax, Duration.ofSeconds(1), Duration.ofHours(1));
    if (backoffBase != null && backoffMax != null && backoffMax.compareTo(backoffBase) < 0) {
      errors.add(
          "backoffMax (" + backoffMax + ") must not be below backoffBase (" + backoffBase + ")");
    }
    range(errors, "modbusBudget", modbusBudget, 1, 32);
    range(errors, "opcUaBudget", opcUaBudget, 1, 100);
    range(errors, "breakerThreshold", breakerThreshold, 1, 10);
    range(errors, "globalBreakerDevices", globalBreakerDevices, 1, 1000);
    range(errors, "maxConcurrentRequests", maxConcurrentRequests, 1, 64);
    range(errors, "maxRequestsPerSecond", maxRequestsPerSecond, 1, 1000);
    range(errors, "maxDevicesInProgress", maxDevicesInProgress, 1, 256);
    range(errors, "maxDevices", maxDevices, 1, 4096);
    unitIdErrors(errors);
    return List.copyOf(errors);
  }

  private void unitIdErrors(List<String> errors) {
    if (unitIds.isEmpty() || unitIds.size() > 8) {
      errors.add("unitIds must list 1-8 unit ids (never a sweep), got " + unitIds.size());
    }
    if (new HashSet<>(unitIds).size() != unitIds.size()) {
      errors.add("unitIds must not repeat a unit id: " + unitIds);
    }
    for (int id : unitIds) {
      if (id < 0 || id > 255) {
        errors.add("unitIds entry " + id + " is not 0-255");
      }
    }
  }

  private static void range(List<String> errors, String name, int value, int min, int max) {
    if (value < min || value > max) {
      errors.add(name + " must be " + min + "-" + max + ", got " + value);
    }
  }

  private static void range(
      List<String> errors, String name, Duration value, Duration min, Duration max) {
    if (value == null) {
      errors.add(name + " is missing");
    } else if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      errors.add(name + " must be between " + min + " and " + max + ", got " + value);
    }
  }
}
