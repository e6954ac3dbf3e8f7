package io.fieldprint.protocols.active;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many probes calling the gate at once, the clock held still. */
class OutboundGateConcurrencyTest {

  private static final int THREADS = 8;
  private static final int ATTEMPTS = 100;

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
  private final FakeClock clock = new FakeClock();

  @AfterEach
  void shutdown() {
    pool.shutdownNow();
  }

  @Test
  void concurrentCallersNeverGetMoreOutstandingRequestsThanTheConcurrencyCap() throws Exception {
    OutboundGate gate = gate(ScanLimits.defaults());
    AtomicInteger admitted = new AtomicInteger();
    run(
        gate,
        (thread, i) -> {
          if (gate.admit(target(thread, i), OutboundGateTest.BASIC) instanceof Admission.Admitted) {
            admitted.incrementAndGet();
          }
        });
    assertEquals(8, admitted.get());
    assertEquals(8, gate.outstandingCount());
  }

  @Test
  void concurrentCallersCompletingAtOnceNeverExceedTheRatePerSecond() throws Exception {
    OutboundGate gate =
        gate(ScanLimits.builder().maxConcurrentRequests(64).maxRequestsPerSecond(20).build());
    AtomicInteger admitted = new AtomicInteger();
    run(
        gate,
        (thread, i) -> {
          if (gate.admit(target(thread, i), OutboundGateTest.BASIC)
              instanceof Admission.Admitted a) {
            admitted.incrementAndGet();
            assertTrue(a.permit().complete(Outcome.SUCCESS));
          }
        });
    assertEquals(20, admitted.get());
    clock.advanceMillis(1000);
    Admission next = gate.admit(target(99, 0), OutboundGateTest.BASIC);
    assertTrue(next instanceof Admission.Admitted, next::toString);
  }

  @Test
  void concurrentCallersOnOneDeviceGetExactlyOnePermit() throws Exception {
    OutboundGate gate = gate(ScanLimits.defaults());
    AtomicInteger admitted = new AtomicInteger();
    run(
        gate,
        (thread, i) -> {
          Admission a = gate.admit(OutboundGateTest.modbus("10.9.9.9"), OutboundGateTest.BASIC);
          if (a instanceof Admission.Admitted) {
            admitted.incrementAndGet();
          }
        });
    assertEquals(1, admitted.get());
  }

  private OutboundGate gate(ScanLimits limits) {
    return new OutboundGate(limits, RequestPolicy.anonymousOnly(), clock, new RecordingAuditLog());
  }

  private static ScanTarget target(int thread, int attempt) {
    return OutboundGateTest.modbus("10." + thread + "." + (attempt / 250) + "." + (attempt % 250));
  }

  private interface Attempt {
    void run(int thread, int attempt);
  }

  private void run(OutboundGate gate, Attempt attempt) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < ATTEMPTS; i++) {
                  attempt.run(thread, i);
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get(30, TimeUnit.SECONDS);
    }
  }
}
