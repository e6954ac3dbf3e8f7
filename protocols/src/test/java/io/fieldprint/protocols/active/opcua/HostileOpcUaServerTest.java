package io.fieldprint.protocols.active.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.active.AuditRecord;
import io.fieldprint.protocols.active.OutboundGate;
import io.fieldprint.protocols.active.RequestPolicy;
import io.fieldprint.protocols.active.ScanLimits;
import io.fieldprint.protocols.active.ScanProtocol;
import io.fieldprint.protocols.active.ScanTarget;
import io.fieldprint.protocols.active.opcua.HostileOpcUaServer.Behaviour;
import io.fieldprint.protocols.decode.DecodeWarning;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.testing.RecordingSink;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OPC UA servers that misbehave on the wire: the probe of each ends within its time budget with a
 * recorded reason, reads a bounded amount, and a healthy device probed at the same time through the
 * same gate is identified as usual.
 */
class HostileOpcUaServerTest {

  private static final Duration BUDGET = Duration.ofSeconds(6);
  private static final Duration SLACK = Duration.ofSeconds(3);
  private static final DeviceRef DEVICE = DeviceRef.of(null, "127.0.0.1");
  private static final long BOUNDED_READ = 16L << 20;

  private static MiloTestServer healthy;

  private final List<AuditRecord> audit = Collections.synchronizedList(new ArrayList<>());
  private final ScanLimits limits =
      ScanLimits.builder()
          .minGap(Duration.ofMillis(100))
          .requestTimeout(Duration.ofSeconds(1))
          .build();
  private final OutboundGate gate =
      new OutboundGate(limits, RequestPolicy.anonymousOnly(), InstantSource.system(), audit::add);
  private final OpcUaProbe probe =
      new OpcUaProbe(gate, BUDGET, limits.requestTimeout(), InstantSource.system());
  private final OpcUaProbe healthyProbe =
      new OpcUaProbe(gate, Duration.ofSeconds(20), limits.requestTimeout(), InstantSource.system());

  @BeforeAll
  static void startHealthyDevice() throws Exception {
    healthy = MiloTestServer.start(true);
  }

  @AfterAll
  static void stopHealthyDevice() throws Exception {
    healthy.close();
  }

  private record Outcome(OpcUaProbeResult result, RecordingSink sink, Duration took) {
    String reasons() {
      String warnings =
          sink.warnings.stream().map(DecodeWarning::message).collect(Collectors.joining("; "));
      return result + " / " + warnings;
    }
  }

  /** Probes the hostile server and the healthy one at the same time; checks the healthy one. */
  private Outcome probeBesideAHealthyDevice(HostileOpcUaServer hostile) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      RecordingSink hostileSink = new RecordingSink();
      RecordingSink healthySink = new RecordingSink();
      Future<Outcome> bad =
          pool.submit(
              () -> timed(probe, HostileOpcUaServer.HOST, hostile.port(), "hostile", hostileSink));
      Future<Outcome> good =
          pool.submit(() -> timed(healthyProbe, "127.0.0.1", healthy.port(), "acme", healthySink));
      Outcome ok = good.get();
      var probed = assertInstanceOf(OpcUaProbeResult.Probed.class, ok.result(), ok.reasons());
      assertTrue(probed.anonymousSession(), "the healthy device is unaffected: " + ok.reasons());
      assertFalse(ok.sink().bySource("opcua.probe.build-info").isEmpty(), ok.reasons());
      Outcome outcome = bad.get();
      assertTrue(
          outcome.took().compareTo(BUDGET.plus(SLACK)) <= 0,
          "ended after " + outcome.took() + ", budget " + BUDGET);
      assertTrue(
          hostile.bytesWritten() <= BOUNDED_READ,
          "the client stopped reading after " + hostile.bytesWritten() + " bytes");
      return outcome;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Outcome timed(
      OpcUaProbe probe, String host, int port, String path, RecordingSink sink) {
    var target = new ScanTarget(ScanProtocol.OPC_UA, host, port, path, OptionalInt.empty());
    long start = System.nanoTime();
    OpcUaProbeResult result = probe.probe(target, DEVICE, sink);
    return new Outcome(result, sink, Duration.ofNanos(System.nanoTime() - start));
  }

  private Outcome unreachable(Behaviour behaviour) throws Exception {
    try (HostileOpcUaServer hostile = HostileOpcUaServer.start(behaviour)) {
      Outcome o = probeBesideAHealthyDevice(hostile);
      var failed = assertInstanceOf(OpcUaProbeResult.Unreachable.class, o.result(), o.reasons());
      assertFalse(failed.reason().isBlank(), o.reasons());
      assertTrue(
          o.sink().warnings.stream().anyMatch(w -> w.message().startsWith("GetEndpoints failed")),
          o.reasons());
      return o;
    }
  }

  @Test
  void acknowledgeClaimingTwoGigabytesEndsTheProbeWithAReason() throws Exception {
    Outcome o = unreachable(Behaviour.ACK_OVER_CLAIMING_LENGTH);
    assertTrue(o.reasons().contains("Bad_TcpMessageTooLarge"), o.reasons());
  }

  @Test
  void acknowledgeShorterThanItsHeaderEndsTheProbeWithAReason() throws Exception {
    unreachable(Behaviour.ACK_UNDER_CLAIMING_LENGTH);
  }

  @Test
  void serverThatAcceptsAndStaysSilentEndsWithinTheBudget() throws Exception {
    unreachable(Behaviour.SILENCE);
  }

  @Test
  void slowDripOfOneBytePerSecondEndsWithinTheBudget() throws Exception {
    unreachable(Behaviour.SLOW_DRIP);
  }

  @Test
  void resetInTheMiddleOfAMessageEndsTheProbeWithAReason() throws Exception {
    Outcome o = unreachable(Behaviour.RESET_MID_MESSAGE);
    assertTrue(o.reasons().contains("reset"), o.reasons());
  }

  @Test
  void endlessChunksStopAtTheClientsMessageLimit() throws Exception {
    unreachable(Behaviour.ENDLESS_CHUNKS);
    assertTrue(audit.stream().anyMatch(r -> r.request().equals("GetEndpoints")), "" + audit);
  }

  @Test
  void tenMegabyteStringInGetEndpointsIsRefusedWithoutReadingItAll() throws Exception {
    unreachable(Behaviour.TEN_MEGABYTE_STRING);
  }

  @Test
  void malformedServerCertificateIsAWarningAndTheEndpointsStillCount() throws Exception {
    try (HostileOpcUaServer hostile = HostileOpcUaServer.start(Behaviour.MALFORMED_CERTIFICATE)) {
      Outcome o = probeBesideAHealthyDevice(hostile);

      var probed = assertInstanceOf(OpcUaProbeResult.Probed.class, o.result(), o.reasons());
      assertEquals(1, probed.endpoints());
      assertFalse(probed.anonymousSession());
      assertTrue(
          o.sink().warnings.stream()
              .anyMatch(w -> w.message().contains("server certificate of endpoint")),
          o.reasons());
      assertTrue(
          o.sink().findings.stream().anyMatch(f -> f.rule().equals("opcua.security-mode-none")),
          "the endpoint rules still apply: " + o.sink().findings);
    }
  }
}
