package io.fieldprint.protocols.active;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random sequences of admit / complete / advance-clock over several devices; after every
 * step the safety invariants are checked against an independent model of what was sent.
 */
class OutboundGatePropertyTest {

  private static final int DEVICES = 20;
  private static final int STEPS = 4000;
  private static final Outcome[] OUTCOMES = {
    Outcome.SUCCESS,
    Outcome.SUCCESS,
    Outcome.SUCCESS,
    Outcome.SUCCESS,
    Outcome.SUCCESS,
    Outcome.SUCCESS,
    Outcome.REFUSED_BY_DEVICE,
    Outcome.TIMEOUT,
    Outcome.EXCEPTION
  };
  private static final RequestPolicy POLICY = RequestPolicy.anonymousOnly();

  private final ScanLimits limits =
      ScanLimits.builder().maxConcurrentRequests(3).maxRequestsPerSecond(6).build();
  private final FakeClock clock = new FakeClock();
  private final OutboundGate gate =
      new OutboundGate(limits, POLICY, clock, new RecordingAuditLog());

  private final List<Permit> outstanding = new ArrayList<>();
  private final Map<String, Instant> lastAdmitted = new HashMap<>();
  private final Map<String, ScanTarget> connection = new HashMap<>();
  private final Map<String, Instant> lastFinished = new HashMap<>();
  private final Map<String, Integer> failures = new HashMap<>();
  private final Map<String, Integer> used = new HashMap<>();
  private final ArrayDeque<Instant> admissions = new ArrayDeque<>();
  private int admittedCount;

  @ParameterizedTest
  @ValueSource(longs = {1, 7, 42, 2026, 31337})
  void gateNeverBreaksPolitenessBudgetBreakerOrGlobalCaps(long seed) {
    Random random = new Random(seed);
    for (int step = 0; step < STEPS; step++) {
      int op = random.nextInt(11);
      if (op < 5) {
        admit(random);
      } else if (op == 10) {
        close(random);
      } else if (op < 8) {
        complete(random);
      } else {
        clock.advanceMillis(random.nextInt(400));
      }
      assertTrue(outstanding.size() <= limits.maxConcurrentRequests(), "concurrency");
      assertEquals(outstanding.size(), gate.outstandingCount(), "outstanding agrees with model");
    }
    assertTrue(admittedCount > 100, "the sequence exercised the gate: " + admittedCount);
  }

  private void admit(Random random) {
    String host = "10.0.0." + (1 + random.nextInt(DEVICES));
    ScanRequest request = randomRequest(random);
    ScanTarget target =
        request.protocol() == ScanProtocol.MODBUS
            ? OutboundGateTest.modbus(host)
            : OutboundGateTest.opcUa(host);
    Instant now = clock.instant();
    expireLikeTheGate(now);
    Admission admission = gate.admit(target, request);
    if (admission instanceof Admission.Admitted a) {
      checkMayBeSent(host, request, now);
      checkOneConnection(host, target, now);
      connection.put(host, target);
      outstanding.add(a.permit());
      lastAdmitted.put(host, now);
      used.merge(host + request.protocol(), 1, Integer::sum);
      admissions.addLast(now);
      admittedCount++;
    }
  }

  private void checkMayBeSent(String host, ScanRequest request, Instant now) {
    assertTrue(POLICY.refusal(request).isEmpty(), "policy: " + request);
    assertFalse(
        outstanding.stream().anyMatch(p -> p.target().device().equals(host)),
        "two outstanding requests to " + host);
    assertTrue(gapHeld(lastAdmitted.get(host), now), "gap since last admission to " + host);
    assertTrue(gapHeld(lastFinished.get(host), now), "gap since last completion at " + host);
    assertTrue(
        used.getOrDefault(host + request.protocol(), 0) < limits.budget(request.protocol()),
        "budget of " + host + " " + request.protocol());
    assertTrue(failures.getOrDefault(host, 0) < limits.breakerThreshold(), "breaker of " + host);
    while (!admissions.isEmpty() && !admissions.peekFirst().plusSeconds(1).isAfter(now)) {
      admissions.removeFirst();
    }
    assertTrue(admissions.size() < limits.maxRequestsPerSecond(), "rate at " + now);
  }

  private void checkOneConnection(String host, ScanTarget target, Instant now) {
    ScanTarget open = connection.get(host);
    boolean idle =
        lastFinished.containsKey(host)
            && !lastFinished.get(host).plus(limits.requestTimeout().multipliedBy(2)).isAfter(now);
    assertTrue(
        open == null || open.protocol() == target.protocol() || idle,
        "second connection to " + host + ": " + open + " then " + target);
  }

  private void close(Random random) {
    String host = "10.0.0." + (1 + random.nextInt(DEVICES));
    ScanTarget closing =
        random.nextBoolean() ? OutboundGateTest.modbus(host) : OutboundGateTest.opcUa(host);
    gate.connectionClosed(closing);
    if (closing.equals(connection.get(host))) {
      connection.remove(host);
    }
  }

  private boolean gapHeld(Instant previous, Instant now) {
    return previous == null || !previous.plus(limits.minGap()).isAfter(now);
  }

  private void complete(Random random) {
    if (outstanding.isEmpty()) {
      return;
    }
    Permit permit = outstanding.remove(random.nextInt(outstanding.size()));
    Outcome outcome = OUTCOMES[random.nextInt(OUTCOMES.length)];
    assertTrue(permit.complete(outcome), "a live permit completes");
    finished(permit.target().device(), outcome, clock.instant());
  }

  private void expireLikeTheGate(Instant now) {
    Duration grace = limits.requestTimeout().multipliedBy(2);
    outstanding.removeIf(
        p -> {
          boolean expired = !p.admittedAt().plus(grace).isAfter(now);
          if (expired) {
            finished(p.target().device(), Outcome.TIMEOUT, now);
          }
          return expired;
        });
  }

  private void finished(String host, Outcome outcome, Instant now) {
    lastFinished.put(host, now);
    if (outcome.deviceAnswered()) {
      failures.computeIfPresent(host, (h, n) -> n >= limits.breakerThreshold() ? n : 0);
    } else {
      failures.merge(host, 1, Integer::sum);
    }
  }

  private static ScanRequest randomRequest(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> ModbusRequest.readDeviceIdentification(255, 1 + random.nextInt(4), 0);
      case 1 -> ModbusRequest.functionCode(1, random.nextInt(43));
      case 2 -> ModbusRequest.encapsulated(0, random.nextInt(256), random.nextInt(256), 0);
      case 3 -> OpcUaServiceRequest.of(OpcUaService.READ);
      default ->
          OpcUaServiceRequest.of(
              OpcUaService.values()[random.nextInt(OpcUaService.values().length)]);
    };
  }
}
