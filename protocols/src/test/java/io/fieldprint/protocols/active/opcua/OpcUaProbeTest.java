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
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Finding;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.testing.RecordingSink;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OpcUaProbeTest {

  private static final Duration BUDGET = Duration.ofSeconds(20);
  private static final DeviceRef DEVICE = DeviceRef.of(null, "127.0.0.1");
  private static final Set<String> ALLOWED_AUDIT =
      Set.of(
          "GetEndpoints",
          "FindServers",
          "OpenSecureChannel",
          "CloseSecureChannel",
          "CreateSession",
          "ActivateSession (ANONYMOUS)",
          "CloseSession",
          "Read",
          "Browse",
          "BrowseNext",
          "TranslateBrowsePathsToNodeIds");

  private final List<AuditRecord> audit = Collections.synchronizedList(new ArrayList<>());
  private final ScanLimits limits =
      ScanLimits.builder()
          .minGap(Duration.ofMillis(100))
          .requestTimeout(Duration.ofSeconds(3))
          .build();
  private final OutboundGate gate =
      new OutboundGate(limits, RequestPolicy.anonymousOnly(), InstantSource.system(), audit::add);
  private final OpcUaProbe probe =
      new OpcUaProbe(gate, BUDGET, limits.requestTimeout(), InstantSource.system());
  private final RecordingSink sink = new RecordingSink();

  private static ScanTarget target(int port) {
    return new ScanTarget(ScanProtocol.OPC_UA, "127.0.0.1", port, "acme", OptionalInt.empty());
  }

  /**
   * The probe tests below are the evidence that Milo 1.0.8 (built on Netty 4.1) works on the Netty
   * line Vert.x 5 uses; this guards against the build silently falling back to 4.1.
   */
  @Test
  void probeRunsOnTheNettyLineOfVertx5() {
    String netty = io.netty.util.Version.identify().get("netty-common").artifactVersion();
    assertTrue(netty.startsWith("4.2."), "Milo runs on Netty " + netty + ", expected 4.2.x");
  }

  @Test
  void anonymousServerRevealsItsBuildInfoThroughAnAdmittedReadOnlySession() throws Exception {
    try (MiloTestServer server = MiloTestServer.start(true)) {
      OpcUaProbeResult result = probe.probe(target(server.port()), DEVICE, sink);

      var probed = assertInstanceOf(OpcUaProbeResult.Probed.class, result);
      assertTrue(probed.anonymousSession(), probed.notes().toString());
      assertEquals(2, probed.endpoints());
      Observation build = sink.bySource(ServerIdentityRead.SOURCE).get(0);
      assertEquals(MiloTestServer.MANUFACTURER, build.identity().vendor());
      assertEquals(MiloTestServer.PRODUCT, build.identity().product());
      assertEquals(MiloTestServer.VERSION, build.identity().firmware());
      assertEquals("Running", build.evidence().fields().get("state"));
      assertTrue(build.evidence().origin().endsWith("Read i=2255,2257..2259,2261..2266"));
      assertEquals(1, sink.bySource(OpcUaProbe.SOURCE_ENDPOINTS).size());
      assertTrue(
          server.receivedServices().stream().noneMatch(MiloTestServer::isWriteLike),
          server.receivedServices().toString());
      assertOnlyAllowedAndWithinBudget();
    }
  }

  @Test
  void diDeviceSetNameplateBecomesADeviceReportedIdentity() throws Exception {
    try (MiloTestServer server = MiloTestServer.start(true)) {
      var probed =
          assertInstanceOf(
              OpcUaProbeResult.Probed.class, probe.probe(target(server.port()), DEVICE, sink));

      List<Observation> devices = sink.bySource(DeviceSetRead.SOURCE);
      assertEquals(1, devices.size(), probed.notes().toString());
      var identity = devices.get(0).identity();
      assertEquals("Acme Automation", identity.vendor());
      assertEquals("6ES7 516-3AN02-0AB0", identity.model());
      assertEquals("S C-X4U12345", identity.serial());
      assertEquals("V2.9.4", identity.firmware());
      assertEquals("3", identity.hardware());
      assertEquals(DiTestNamespace.DEVICE, identity.name());
      assertOnlyAllowedAndWithinBudget();
    }
  }

  @Test
  void nameplateAfterTheFirst64VariablesIsReadCompletelyThroughBrowseNext() throws Exception {
    try (MiloTestServer server = MiloTestServer.startWithLateNameplates(1, 80)) {
      var probed =
          assertInstanceOf(
              OpcUaProbeResult.Probed.class, probe.probe(target(server.port()), DEVICE, sink));

      List<Observation> devices = sink.bySource(DeviceSetRead.SOURCE);
      assertEquals(2, devices.size(), probed.notes().toString());
      var late = devices.stream().filter(o -> "LATE-1".equals(o.identity().serial())).findFirst();
      assertTrue(late.isPresent(), devices.toString());
      assertEquals("Acme Automation", late.get().identity().vendor());
      assertEquals("6ES7 516-3AN02-0AB0", late.get().identity().model());
      assertEquals("V2.9.4", late.get().identity().firmware());
      assertFalse(late.get().evidence().fields().containsKey("truncated"));
      assertTrue(
          server.receivedServices().contains("BrowseNext"), server.receivedServices().toString());
      assertTrue(sentRequests().contains("BrowseNext"), audit.toString());
      assertTrue(
          probed.notes().stream().noneMatch(n -> n.contains("truncated")),
          probed.notes().toString());
      assertOnlyAllowedAndWithinBudget();
    }
  }

  @Test
  void deviceSetBeyondMaxDevicesIsReportedTruncatedAndItsContinuationPointReleased()
      throws Exception {
    try (MiloTestServer server =
        MiloTestServer.startWithLateNameplates(DeviceSetRead.MAX_DEVICES + 1, 80)) {
      var probed =
          assertInstanceOf(
              OpcUaProbeResult.Probed.class, probe.probe(target(server.port()), DEVICE, sink));

      List<Observation> devices = sink.bySource(DeviceSetRead.SOURCE);
      assertEquals(DeviceSetRead.MAX_DEVICES, devices.size(), probed.notes().toString());
      assertTrue(devices.stream().allMatch(o -> o.identity().serial() != null), devices.toString());
      assertTrue(
          probed.notes().stream().anyMatch(n -> n.startsWith("DI DeviceSet truncated")),
          probed.notes().toString());
      List<String> received = server.receivedServices();
      assertEquals(
          1, received.stream().filter("BrowseNext (release)"::equals).count(), received.toString());
      assertTrue(received.contains("BrowseNext"), received.toString());
      assertTrue(
          received.indexOf("BrowseNext (release)") < received.indexOf("CloseSession"),
          received.toString());
      assertTrue(received.stream().noneMatch(MiloTestServer::isWriteLike), received.toString());
      assertOnlyAllowedAndWithinBudget();
    }
  }

  @Test
  void nameplateBeyondTheBrowseNextRoundsIsNotedTruncatedAndItsContinuationPointReleased()
      throws Exception {
    int pages = 1 + DeviceSetRead.MAX_BROWSE_NEXT_ROUNDS;
    int fillers = pages * DeviceSetRead.MAX_VARIABLES_PER_DEVICE + 8;
    try (MiloTestServer server = MiloTestServer.startWithLateNameplates(1, fillers)) {
      var probed =
          assertInstanceOf(
              OpcUaProbeResult.Probed.class, probe.probe(target(server.port()), DEVICE, sink));

      assertEquals(1, sink.bySource(DeviceSetRead.SOURCE).size(), probed.notes().toString());
      assertTrue(
          probed.notes().stream()
              .anyMatch(n -> n.startsWith("DI device IO Station 1 truncated: variables beyond")),
          probed.notes().toString());
      List<String> received = server.receivedServices();
      assertEquals(
          DeviceSetRead.MAX_BROWSE_NEXT_ROUNDS,
          received.stream().filter("BrowseNext"::equals).count(),
          received.toString());
      assertEquals(
          1, received.stream().filter("BrowseNext (release)"::equals).count(), received.toString());
      assertOnlyAllowedAndWithinBudget();
    }
  }

  @Test
  void anonymousAccessIsReportedAsConfirmedWhenTheSessionActivated() throws Exception {
    try (MiloTestServer server = MiloTestServer.start(true)) {
      probe.probe(target(server.port()), DEVICE, sink);

      List<Finding> anonymous = findings("opcua.anonymous-access");
      assertTrue(
          anonymous.stream().anyMatch(f -> f.detail().contains("confirmed")), anonymous.toString());
      assertFalse(findings("opcua.security-mode-none").isEmpty());
      assertFalse(findings("opcua.certificate-self-signed").isEmpty());
      assertTrue(findings("opcua.certificate-expired").isEmpty());
    }
  }

  @Test
  void serverWithoutAnonymousGetsPostureFindingsButNoSession() throws Exception {
    try (MiloTestServer server = MiloTestServer.start(false)) {
      var probed =
          assertInstanceOf(
              OpcUaProbeResult.Probed.class, probe.probe(target(server.port()), DEVICE, sink));

      assertFalse(probed.anonymousSession());
      assertTrue(findings("opcua.anonymous-access").isEmpty());
      assertFalse(findings("opcua.security-mode-none").isEmpty());
      // Milo encrypts UserName tokens with Basic256Sha256 even on the None endpoint
      assertTrue(findings("opcua.username-over-unencrypted").isEmpty(), sink.findings.toString());
      assertTrue(sink.bySource(ServerIdentityRead.SOURCE).isEmpty());
      assertEquals(
          List.of("GetEndpoints", "FindServers"),
          server.receivedServices().stream().distinct().toList());
      assertOnlyAllowedAndWithinBudget();
    }
  }

  @Test
  void expiredServerCertificateIsFoundAtProbeTime() throws Exception {
    try (MiloTestServer server = MiloTestServer.startWithExpiredCertificate()) {
      probe.probe(target(server.port()), DEVICE, sink);

      assertFalse(findings("opcua.certificate-expired").isEmpty(), sink.findings.toString());
    }
  }

  @Test
  void exhaustedRequestBudgetEndsTheProbeWithAReasonAndNothingUnadmittedIsSent() throws Exception {
    ScanLimits tight = ScanLimits.builder().minGap(Duration.ofMillis(100)).opcUaBudget(7).build();
    OutboundGate tightGate =
        new OutboundGate(tight, RequestPolicy.anonymousOnly(), InstantSource.system(), audit::add);
    OpcUaProbe tightProbe =
        new OpcUaProbe(tightGate, BUDGET, tight.requestTimeout(), InstantSource.system());
    try (MiloTestServer server = MiloTestServer.start(true)) {
      var probed =
          assertInstanceOf(
              OpcUaProbeResult.Probed.class, tightProbe.probe(target(server.port()), DEVICE, sink));

      assertFalse(probed.notes().isEmpty());
      assertTrue(probed.notes().toString().contains("budget"), probed.notes().toString());
      long sentServices =
          audit.stream()
              .filter(r -> r.decision().equals("SENT"))
              .filter(r -> !r.request().endsWith("SecureChannel"))
              .count();
      List<String> received = server.receivedServices();
      assertEquals(sentServices, received.size(), audit + " vs " + received);
    }
  }

  @Test
  void closedPortEndsWithinTheBudgetWithAReason() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    long start = System.nanoTime();

    OpcUaProbeResult result = probe.probe(target(port), DEVICE, sink);

    Duration took = Duration.ofNanos(System.nanoTime() - start);
    var unreachable = assertInstanceOf(OpcUaProbeResult.Unreachable.class, result);
    assertFalse(unreachable.reason().isBlank());
    assertTrue(took.compareTo(BUDGET) < 0, "took " + took);
    assertEquals(1, sink.warnings.size());
  }

  private List<String> sentRequests() {
    return audit.stream()
        .filter(r -> r.decision().equals("SENT"))
        .map(AuditRecord::request)
        .toList();
  }

  private List<Finding> findings(String rule) {
    return sink.findings.stream().filter(f -> f.rule().equals(rule)).toList();
  }

  private void assertOnlyAllowedAndWithinBudget() {
    List<AuditRecord> sent = audit.stream().filter(r -> r.decision().equals("SENT")).toList();
    Set<String> services = sent.stream().map(AuditRecord::request).collect(Collectors.toSet());
    assertTrue(ALLOWED_AUDIT.containsAll(services), services.toString());
    assertTrue(sent.size() <= limits.opcUaBudget(), "sent " + sent.size());
    assertTrue(audit.stream().noneMatch(r -> r.decision().equals("REFUSED")), audit.toString());
  }
}
