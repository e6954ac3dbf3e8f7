package io.fieldprint.protocols.active;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesAuditLogTest {

  @TempDir Path dir;

  private static AuditRecord record(String outcome) {
    return new AuditRecord(
        Instant.parse("2026-01-05T08:00:00.250Z"),
        "modbus://10.0.0.1:502",
        "MODBUS",
        "00 01 00 00 00 05 FF 2B 0E 01 00",
        "SENT",
        outcome,
        "reported by probe",
        42);
  }

  @Test
  void eachRecordIsOneFlushedJsonLineWithFieldsInDocumentedOrder() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    try (JsonLinesAuditLog log = JsonLinesAuditLog.open(file)) {
      log.append(record("SUCCESS"));
      assertEquals(1, Files.readAllLines(file).size(), "visible before close: flushed per line");
    }
    assertEquals(
        List.of(
            "{\"time\":\"2026-01-05T08:00:00.250Z\",\"target\":\"modbus://10.0.0.1:502\","
                + "\"protocol\":\"MODBUS\",\"request\":\"00 01 00 00 00 05 FF 2B 0E 01 00\","
                + "\"decision\":\"SENT\",\"outcome\":\"SUCCESS\",\"detail\":\"reported by probe\","
                + "\"elapsedMillis\":42}"),
        Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  @Test
  void reopeningAppendsAndNeverTruncates() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    try (JsonLinesAuditLog log = JsonLinesAuditLog.open(file)) {
      log.append(record("SUCCESS"));
    }
    try (JsonLinesAuditLog log = JsonLinesAuditLog.open(file)) {
      log.append(record("TIMEOUT"));
    }
    List<String> lines = Files.readAllLines(file);
    assertEquals(2, lines.size());
    assertEquals(true, lines.get(1).contains("\"outcome\":\"TIMEOUT\""));
  }

  @Test
  void gateWritesOneLinePerAdmittedRequestAndPerRefusal() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    FakeClock clock = new FakeClock();
    try (JsonLinesAuditLog log = JsonLinesAuditLog.open(file)) {
      OutboundGate gate =
          new OutboundGate(ScanLimits.defaults(), RequestPolicy.anonymousOnly(), clock, log);
      ((Admission.Admitted) gate.admit(OutboundGateTest.modbus("10.0.0.1"), OutboundGateTest.BASIC))
          .permit()
          .complete(Outcome.SUCCESS);
      gate.admit(OutboundGateTest.modbus("10.0.0.1"), ModbusRequest.functionCode(1, 16));
      gate.admit(OutboundGateTest.modbus("10.0.0.1"), OutboundGateTest.BASIC); // waits: no line
    }
    List<String> lines = Files.readAllLines(file);
    assertEquals(2, lines.size());
    assertEquals(true, lines.get(0).contains("\"decision\":\"SENT\",\"outcome\":\"SUCCESS\""));
    assertEquals(true, lines.get(1).contains("\"decision\":\"REFUSED\",\"outcome\":\"NOT_SENT\""));
  }

  @Test
  void anOutcomeArrivingAfterTheStopAndCloseKeepsTheStopReasonAndTheClosedFile() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    JsonLinesAuditLog log = JsonLinesAuditLog.open(file);
    OutboundGate gate =
        new OutboundGate(
            ScanLimits.defaults(), RequestPolicy.anonymousOnly(), new FakeClock(), log);
    Permit late =
        ((Admission.Admitted)
                gate.admit(OutboundGateTest.modbus("10.0.0.1"), OutboundGateTest.BASIC))
            .permit();
    gate.stop("the agent is stopping");
    log.close();
    late.complete(Outcome.TIMEOUT);
    String reason =
        ((Admission.Refused)
                gate.admit(OutboundGateTest.modbus("10.0.0.2"), OutboundGateTest.BASIC))
            .reason();
    assertEquals("scan stopped: the agent is stopping", reason);
    assertEquals(0, gate.outstandingCount());
    assertEquals(List.of(), Files.readAllLines(file), "nothing written after the close");
  }
}
