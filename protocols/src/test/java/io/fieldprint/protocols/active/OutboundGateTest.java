package io.fieldprint.protocols.active;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class OutboundGateTest {

  private final FakeClock clock = new FakeClock();
  private final RecordingAuditLog audit = new RecordingAuditLog();

  private OutboundGate gate(ScanLimits limits) {
    return new OutboundGate(limits, RequestPolicy.anonymousOnly(), clock, audit);
  }

  static ScanTarget modbus(String host) {
    return new ScanTarget(ScanProtocol.MODBUS, host, 502, "", OptionalInt.empty());
  }

  static ScanTarget opcUa(String host) {
    return new ScanTarget(ScanProtocol.OPC_UA, host, 4840, "", OptionalInt.empty());
  }

  static final ModbusRequest BASIC = ModbusRequest.readDeviceIdentification(255, 1, 0);

  private static Permit admitted(Admission a) {
    return assertInstanceOf(Admission.Admitted.class, a, a::toString).permit();
  }

  private static Admission.Wait waits(Admission a) {
    return assertInstanceOf(Admission.Wait.class, a, a::toString);
  }

  private static String refused(Admission a) {
    return assertInstanceOf(Admission.Refused.class, a, a::toString).reason();
  }

  @Test
  void admittedModbusRequestCarriesExactFrameWithPerDeviceTransactionIds() {
    OutboundGate gate = gate(ScanLimits.defaults());
    Permit first = admitted(gate.admit(modbus("10.0.0.1"), BASIC));
    assertArrayEquals(
        HexFormat.of().parseHex("00010000000" + "5FF2B0E0100"), first.modbusFrame().orElseThrow());
    assertEquals(Duration.ofSeconds(3), first.timeout());
    first.complete(Outcome.SUCCESS);
    clock.advanceMillis(250);
    assertEquals(2, admitted(gate.admit(modbus("10.0.0.1"), BASIC)).transactionId());
    assertEquals(1, admitted(gate.admit(modbus("10.0.0.2"), BASIC)).transactionId());
  }

  @Test
  void policyRefusalsAreAuditedAndNeverAdmitted() {
    OutboundGate gate = gate(ScanLimits.defaults());
    String reason = refused(gate.admit(modbus("10.0.0.1"), ModbusRequest.functionCode(1, 6)));
    assertTrue(reason.contains("function code 6"), reason);
    refused(gate.admit(opcUa("10.0.0.1"), OpcUaServiceRequest.of(OpcUaService.WRITE)));
    List<AuditRecord> records = audit.records();
    assertEquals(2, records.size());
    assertEquals("REFUSED", records.get(0).decision());
    assertEquals("unit 1 pdu 06", records.get(0).request());
    assertEquals("Write", records.get(1).request());
    assertEquals(0, gate.outstandingCount());
  }

  @Test
  void gateRefusesEveryModbusRequestAndOpcUaServiceOutsideTheAllowlistWithoutSendingAnything() {
    OutboundGate gate = gate(ScanLimits.defaults());
    int refusals = 0;
    for (int fc = 0; fc <= 255; fc++) {
      if (fc != ModbusRequest.REPORT_SERVER_ID
          && fc != ModbusRequest.ENCAPSULATED_INTERFACE_TRANSPORT) {
        refused(gate.admit(modbus("10.0.0.1"), ModbusRequest.functionCode(0, fc)));
        refusals++;
      }
    }
    for (int mei = 0; mei <= 255; mei++) {
      for (int code = 0; code <= 255; code++) {
        if (mei != 0x0E || code < 1 || code > 4) {
          refused(gate.admit(modbus("10.0.0.1"), ModbusRequest.encapsulated(0, mei, code, 0)));
          refusals++;
        }
      }
    }
    for (OpcUaService service : OpcUaService.values()) {
      if (!RequestPolicy.ALLOWED_OPC_UA_SERVICES.contains(service)) {
        refused(gate.admit(opcUa("10.0.0.1"), OpcUaServiceRequest.of(service)));
        refusals++;
      }
    }
    refused(
        gate.admit(opcUa("10.0.0.1"), OpcUaServiceRequest.activateSession(UserTokenType.USERNAME)));
    assertEquals(254 + 65536 - 4 + 28, refusals);
    assertEquals(0, gate.outstandingCount());
    assertTrue(audit.records().stream().allMatch(r -> r.decision().equals("REFUSED")));
    admitted(gate.admit(modbus("10.0.0.1"), ModbusRequest.reportServerId(0)));
  }

  @Test
  void requestOfTheWrongProtocolForTheTargetIsRefused() {
    OutboundGate gate = gate(ScanLimits.defaults());
    refused(gate.admit(opcUa("10.0.0.1"), BASIC));
  }

  @Test
  void secondRequestToOneDeviceWaitsWhileTheFirstIsOutstandingEvenOnAnotherProtocol() {
    OutboundGate gate = gate(ScanLimits.defaults());
    admitted(gate.admit(modbus("10.0.0.1"), BASIC));
    clock.advanceMillis(1000);
    assertEquals("a request is outstanding", waits(gate.admit(modbus("10.0.0.1"), BASIC)).reason());
    waits(gate.admit(opcUa("10.0.0.1"), OpcUaServiceRequest.of(OpcUaService.GET_ENDPOINTS)));
  }

  @Test
  void requestToAnotherEndpointOfTheDeviceWaitsUntilTheOpenConnectionIsClosed() {
    OutboundGate gate = gate(ScanLimits.defaults());
    admitted(gate.admit(modbus("10.0.0.1"), BASIC)).complete(Outcome.SUCCESS);
    clock.advanceMillis(250);
    OpcUaServiceRequest getEndpoints = OpcUaServiceRequest.of(OpcUaService.GET_ENDPOINTS);
    assertTrue(
        waits(gate.admit(opcUa("10.0.0.1"), getEndpoints)).reason().contains("another connection"));
    ScanTarget otherPort =
        new ScanTarget(ScanProtocol.MODBUS, "10.0.0.1", 5020, "", OptionalInt.empty());
    waits(gate.admit(otherPort, BASIC));
    admitted(gate.admit(modbus("10.0.0.1"), ModbusRequest.reportServerId(1)))
        .complete(Outcome.SUCCESS);
    gate.connectionClosed(modbus("10.0.0.1"));
    clock.advanceMillis(250);
    admitted(gate.admit(opcUa("10.0.0.1"), getEndpoints));
  }

  @Test
  void connectionIdleForTwiceTheTimeoutCountsAsClosed() {
    OutboundGate gate = gate(ScanLimits.defaults());
    admitted(gate.admit(modbus("10.0.0.1"), BASIC)).complete(Outcome.SUCCESS);
    clock.advanceMillis(5999);
    OpcUaServiceRequest read = OpcUaServiceRequest.of(OpcUaService.READ);
    waits(gate.admit(opcUa("10.0.0.1"), read));
    clock.advanceMillis(1);
    admitted(gate.admit(opcUa("10.0.0.1"), read));
  }

  @Test
  void nextRequestWaitsExactlyTheMinimumGapAfterCompletion() {
    OutboundGate gate = gate(ScanLimits.defaults());
    admitted(gate.admit(modbus("10.0.0.1"), BASIC)).complete(Outcome.SUCCESS);
    assertEquals(Duration.ofMillis(250), waits(gate.admit(modbus("10.0.0.1"), BASIC)).duration());
    clock.advanceMillis(249);
    assertEquals(Duration.ofMillis(1), waits(gate.admit(modbus("10.0.0.1"), BASIC)).duration());
    clock.advanceMillis(1);
    admitted(gate.admit(modbus("10.0.0.1"), BASIC));
  }

  @Test
  void modbusBudgetOfSixIsEnforcedPerDeviceAndOpcUaKeepsItsOwnBudget() {
    OutboundGate gate = gate(ScanLimits.defaults());
    for (int i = 0; i < 6; i++) {
      admitted(gate.admit(modbus("10.0.0.1"), BASIC)).complete(Outcome.SUCCESS);
      clock.advanceMillis(250);
    }
    assertTrue(refused(gate.admit(modbus("10.0.0.1"), BASIC)).contains("budget of 6"));
    gate.connectionClosed(modbus("10.0.0.1"));
    for (int i = 0; i < 25; i++) {
      admitted(gate.admit(opcUa("10.0.0.1"), OpcUaServiceRequest.of(OpcUaService.READ)))
          .complete(Outcome.SUCCESS);
      clock.advanceMillis(250);
    }
    assertTrue(
        refused(gate.admit(opcUa("10.0.0.1"), OpcUaServiceRequest.of(OpcUaService.READ)))
            .contains("budget of 25"));
    admitted(gate.admit(modbus("10.0.0.2"), BASIC));
  }

  @Test
  void backOffDoublesPerConsecutiveFailureAndCaps() {
    OutboundGate gate =
        gate(
            ScanLimits.builder()
                .breakerThreshold(10)
                .modbusBudget(32)
                .backoff(Duration.ofSeconds(5), Duration.ofMinutes(5))
                .build());
    long[] expectedSeconds = {5, 10, 20, 40, 80, 160, 300, 300, 300};
    for (long expected : expectedSeconds) {
      admitted(gate.admit(modbus("10.0.0.1"), BASIC)).complete(Outcome.TIMEOUT);
      Admission.Wait wait = waits(gate.admit(modbus("10.0.0.1"), BASIC));
      assertEquals(Duration.ofSeconds(expected), wait.duration());
      assertEquals("backing off", wait.reason());
      clock.advance(wait.duration());
    }
  }

  @Test
  void answerFromTheDeviceResetsTheBackOff() {
    OutboundGate gate = gate(ScanLimits.defaults());
    admitted(gate.admit(modbus("10.0.0.1"), BASIC)).complete(Outcome.EXCEPTION);
    clock.advanceMillis(5000);
    admitted(gate.admit(modbus("10.0.0.1"), BASIC)).complete(Outcome.REFUSED_BY_DEVICE);
    clock.advanceMillis(250);
    admitted(gate.admit(modbus("10.0.0.1"), BASIC)).complete(Outcome.TIMEOUT);
    assertEquals(Duration.ofSeconds(5), waits(gate.admit(modbus("10.0.0.1"), BASIC)).duration());
  }

  @Test
  void circuitBreakerOpensAfterThreeConsecutiveFailuresAndRefusesEverythingToThatDevice() {
    OutboundGate gate = gate(ScanLimits.defaults());
    for (int i = 0; i < 3; i++) {
      admitted(gate.admit(modbus("10.0.0.1"), BASIC)).complete(Outcome.TIMEOUT);
      clock.advance(Duration.ofMinutes(10));
    }
    assertTrue(refused(gate.admit(modbus("10.0.0.1"), BASIC)).contains("circuit breaker"));
    refused(gate.admit(opcUa("10.0.0.1"), OpcUaServiceRequest.of(OpcUaService.GET_ENDPOINTS)));
    clock.advance(Duration.ofHours(5));
    refused(gate.admit(modbus("10.0.0.1"), BASIC));
    admitted(gate.admit(modbus("10.0.0.2"), BASIC));
  }

  @Test
  void scanWideBreakerRefusesEveryDeviceOnceFiveDevicesStoppedAnswering() {
    OutboundGate gate = gate(ScanLimits.builder().breakerThreshold(1).build());
    for (int d = 1; d <= 5; d++) {
      admitted(gate.admit(modbus("10.0.0." + d), BASIC)).complete(Outcome.TIMEOUT);
    }
    assertTrue(refused(gate.admit(modbus("10.0.0.99"), BASIC)).contains("scan-wide"));
  }

  @Test
  void permitNeverCompletedIsRecordedAsTimeoutAfterTwiceItsTimeoutAndLateCompletionIsIgnored() {
    OutboundGate gate = gate(ScanLimits.defaults());
    Permit permit = admitted(gate.admit(modbus("10.0.0.1"), BASIC));
    clock.advanceMillis(5999);
    waits(gate.admit(modbus("10.0.0.1"), BASIC));
    clock.advanceMillis(1);
    assertEquals("backing off", waits(gate.admit(modbus("10.0.0.1"), BASIC)).reason());
    assertEquals(0, gate.outstandingCount());
    assertFalse(permit.complete(Outcome.SUCCESS));
    AuditRecord record = audit.records().get(0);
    assertEquals("TIMEOUT", record.outcome());
    assertTrue(record.detail().startsWith("expired"));
  }

  @Test
  void completingAPermitTwiceRecordsOnlyTheFirstOutcome() {
    OutboundGate gate = gate(ScanLimits.defaults());
    Permit permit = admitted(gate.admit(modbus("10.0.0.1"), BASIC));
    assertTrue(permit.complete(Outcome.SUCCESS));
    assertFalse(permit.complete(Outcome.TIMEOUT));
    assertEquals(1, audit.records().size());
  }

  @Test
  void auditLogHasOneSentLineWithOutcomePerAdmittedRequest() {
    OutboundGate gate = gate(ScanLimits.defaults());
    admitted(gate.admit(modbus("10.0.0.1"), BASIC)).complete(Outcome.SUCCESS);
    clock.advanceMillis(300);
    Permit p = admitted(gate.admit(opcUa("10.0.0.2"), OpcUaServiceRequest.of(OpcUaService.READ)));
    clock.advanceMillis(120);
    p.complete(Outcome.REFUSED_BY_DEVICE);
    List<AuditRecord> records = audit.records();
    assertEquals(2, records.size());
    assertEquals(
        new AuditRecord(
            clock.instant().minusMillis(420),
            "modbus://10.0.0.1:502",
            "MODBUS",
            "00 01 00 00 00 05 FF 2B 0E 01 00",
            "SENT",
            "SUCCESS",
            "reported by probe",
            0),
        records.get(0));
    assertEquals("Read", records.get(1).request());
    assertEquals("REFUSED_BY_DEVICE", records.get(1).outcome());
    assertEquals(120, records.get(1).elapsedMillis());
  }

  @Test
  void globalConcurrencyCapMakesFurtherDevicesWait() {
    OutboundGate gate = gate(ScanLimits.defaults());
    for (int d = 1; d <= 8; d++) {
      admitted(gate.admit(modbus("10.0.0." + d), BASIC));
    }
    assertTrue(waits(gate.admit(modbus("10.0.0.9"), BASIC)).reason().contains("concurrency"));
  }

  @Test
  void globalRateCapAdmitsTwentyPerSecondAndSaysWhenTheNextFits() {
    OutboundGate gate =
        gate(ScanLimits.builder().maxConcurrentRequests(64).maxRequestsPerSecond(20).build());
    for (int d = 1; d <= 20; d++) {
      admitted(gate.admit(modbus("10.0.0." + d), BASIC)).complete(Outcome.SUCCESS);
      clock.advanceMillis(10);
    }
    Admission.Wait wait = waits(gate.admit(modbus("10.0.0.21"), BASIC));
    assertEquals(Duration.ofMillis(800), wait.duration());
    clock.advance(wait.duration());
    admitted(gate.admit(modbus("10.0.0.21"), BASIC));
  }

  @Test
  void deviceCountIsBoundedPerScan() {
    OutboundGate gate = gate(ScanLimits.builder().maxDevices(2).build());
    admitted(gate.admit(modbus("10.0.0.1"), BASIC));
    admitted(gate.admit(modbus("10.0.0.2"), BASIC));
    assertTrue(refused(gate.admit(modbus("10.0.0.3"), BASIC)).contains("device limit"));
  }

  @Test
  void failingAuditLogStopsTheScanSoNothingUnrecordedIsSent() {
    AuditLog broken =
        line -> {
          throw new java.io.UncheckedIOException(new java.io.IOException("disk full"));
        };
    OutboundGate gate =
        new OutboundGate(ScanLimits.defaults(), RequestPolicy.anonymousOnly(), clock, broken);
    Permit permit = admitted(gate.admit(modbus("10.0.0.1"), BASIC));
    assertTrue(permit.complete(Outcome.SUCCESS));
    String reason = refused(gate.admit(modbus("10.0.0.2"), BASIC));
    assertTrue(reason.contains("audit log failed") && reason.contains("disk full"), reason);
  }

  @Test
  void stopRefusesEverythingAfterwards() {
    OutboundGate gate = gate(ScanLimits.defaults());
    gate.stop("operator pressed stop");
    assertTrue(refused(gate.admit(modbus("10.0.0.1"), BASIC)).contains("operator pressed stop"));
  }

  @Test
  void invalidLimitsAreRejectedAtConstructionListingEveryError() {
    ScanLimits bad = ScanLimits.builder().maxConcurrentRequests(0).maxRequestsPerSecond(0).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gate(bad));
    assertTrue(e.getMessage().contains("maxConcurrentRequests"), e.getMessage());
    assertTrue(e.getMessage().contains("maxRequestsPerSecond"), e.getMessage());
  }
}
