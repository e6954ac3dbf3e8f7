package io.fieldprint.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.active.opcua.MiloTestServer;
import io.fieldprint.protocols.testing.InventorySchema;
import io.fieldprint.protocols.testing.ModbusDevice;
import io.fieldprint.protocols.testing.ModbusTestServer;
import io.fieldprint.protocols.testing.ModbusTestServer.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {

  @TempDir Path dir;

  @Test
  void scanPrintsTheInventoryOfAModbusDeviceAsSchemaValidJson() throws Exception {
    try (ModbusTestServer server = ModbusTestServer.start(ModbusDevice.acme())) {
      String target = server.target("");
      CliRun run = CliRun.of("scan", target, "--format", "json");

      assertEquals(0, run.exit(), run.err());
      assertEquals(List.of(), InventorySchema.violations(run.out()));
      assertTrue(run.out().contains("\"vendor\" : \"ACME Automation\""), run.out());
      assertTrue(run.out().contains("\"kind\" : \"scan\""), run.out());
      assertTrue(run.out().contains("\"name\" : \"" + target + "\""), run.out());
      assertEquals(1, server.connections());
    }
  }

  @Test
  void scanPrintsATableByDefault() throws Exception {
    try (ModbusTestServer server = ModbusTestServer.start(ModbusDevice.acme())) {
      CliRun run = CliRun.of("scan", server.target("/255"));

      assertEquals(0, run.exit(), run.err());
      assertTrue(run.out().contains("6ES7-ACME-5000"), run.out());
    }
  }

  @Test
  void dryRunPrintsEveryRequestByteForByteAndTheServerReceivesNothing() throws Exception {
    try (ModbusTestServer server = ModbusTestServer.start(ModbusDevice.acme())) {
      String target = server.target("/1");
      CliRun run = CliRun.of("scan", "--dry-run", target);

      assertEquals(0, run.exit(), run.err());
      String basic = "Read Device Identification, ";
      assertEquals(
          "dry run: nothing is sent; 1 target(s)\n"
              + "\n"
              + target
              + " (unit ids 1; budget 6)\n"
              + "   1. 00 01 00 00 00 05 01 2B 0E 01 00  unit 1 FC 43/14 "
              + basic
              + "basic (ReadDevIdCode 1) from object 0x00 [always]\n"
              + "   2. 00 02 00 00 00 05 01 2B 0E 02 00  unit 1 FC 43/14 "
              + basic
              + "regular (ReadDevIdCode 2) from object 0x00"
              + " [if unit 1 conformity is regular or extended]\n"
              + "   3. 00 03 00 00 00 05 01 2B 0E 03 00  unit 1 FC 43/14 "
              + basic
              + "extended (ReadDevIdCode 3) from object 0x00 [if unit 1 conformity is extended]\n"
              + "   4. 00 04 00 00 00 02 01 11  unit 1 FC 17 Report Server ID [if unit 1 answered]\n",
          run.out().replace("\r\n", "\n"));
      assertEquals(0, server.connections());
      assertEquals(List.of(), server.received());
    }
  }

  @Test
  void opcUaAndModbusTargetsAreScannedTogether() throws Exception {
    try (ModbusTestServer modbus = ModbusTestServer.start(ModbusDevice.acme());
        MiloTestServer opcUa = MiloTestServer.start(true)) {
      CliRun run =
          CliRun.of(
              "scan",
              "--format",
              "json",
              "opc.tcp://127.0.0.1:" + opcUa.port() + "/acme",
              modbus.target("/255"));

      assertEquals(0, run.exit(), run.err());
      assertEquals(List.of(), InventorySchema.violations(run.out()));
      assertTrue(run.out().contains("ACME"), "the Modbus target: " + run.out());
      assertTrue(run.out().contains("opcua.anonymous-access"), "the OPC UA posture: " + run.out());
    }
  }

  @Test
  void anOpcUaTargetThatDoesNotAnswerIsAFailedSourceWithItsReason() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    CliRun run = CliRun.of("scan", "--format", "json", "opc.tcp://127.0.0.1:" + closed);

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.err().contains("opc.tcp://127.0.0.1:" + closed), run.err());
    assertTrue(run.out().contains("\"status\" : \"failed\""), run.out());
  }

  @Test
  void auditLogGetsOneLinePerRequestSent() throws Exception {
    Path log = dir.resolve("audit.jsonl");
    try (ModbusTestServer server = ModbusTestServer.start(ModbusDevice.acme())) {
      CliRun run = CliRun.of("scan", server.target(""), "--audit-log", log.toString());

      assertEquals(0, run.exit(), run.err());
      List<String> lines = Files.readAllLines(log);
      assertEquals(server.received().size(), lines.size());
      assertTrue(lines.stream().allMatch(l -> l.contains("\"SENT\"")), lines.toString());
    }
  }

  @Test
  void aDeviceAnsweringGarbageIsReportedAndTheExitStatusIsOne() throws Exception {
    Answer garbage = new Answer.Raw("garbage!".getBytes(), false);
    try (ModbusTestServer server = ModbusTestServer.start((u, p) -> garbage)) {
      CliRun run = CliRun.of("scan", server.target("/1"), "--timeout", "500ms", "--format", "json");

      assertEquals(1, run.exit());
      assertTrue(run.err().contains(server.target("/1") + ": failed: "), run.err());
      assertEquals(List.of(), InventorySchema.violations(run.out()));
    }
  }

  @Test
  void anAbsentDeviceIsListedOnStderrAndAsAFailedSourceButIsNotAnError() throws Exception {
    ModbusTestServer server = ModbusTestServer.start((u, p) -> new Answer.Silence());
    server.close();
    CliRun run = CliRun.of("scan", server.target("/1"), "--format", "json");

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.err().contains(server.target("/1") + ": no answer: "), run.err());
    assertTrue(run.out().contains("\"status\" : \"failed\""), run.out());
    assertEquals(List.of(), InventorySchema.violations(run.out()));
  }

  @Test
  void anUnparsableTargetIsAUsageError() {
    CliRun run = CliRun.of("scan", "modbus://10.0.0.5");

    assertEquals(2, run.exit());
    assertTrue(run.err().contains("missing port"), run.err());
  }

  @Test
  void aTimeoutWithoutUnitIsAUsageError() {
    CliRun run = CliRun.of("scan", "modbus://10.0.0.5:502", "--timeout", "3");

    assertEquals(2, run.exit());
    assertTrue(run.err().contains("--timeout"), run.err());
  }

  @Test
  void unitIdsOptionSetsTheUnitsAskedInTheOrderGiven() throws Exception {
    try (ModbusTestServer server = ModbusTestServer.start(ModbusDevice.acme())) {
      CliRun run =
          CliRun.of(
              "scan",
              server.target(""),
              "--unit-ids",
              "7,255",
              "--timeout",
              "500ms",
              "--format",
              "json");

      assertEquals(0, run.exit(), run.err());
      assertTrue(run.out().contains("ACME Automation"), "unit 255 answered: " + run.out());
      assertEquals(
          List.of(7, 255), server.received().stream().map(r -> r.unitId()).distinct().toList());
    }
  }

  @Test
  void unitIdsAppearInTheDryRunInTheOrderGiven() {
    CliRun run = CliRun.of("scan", "--dry-run", "--unit-ids", "0,255", "modbus://10.0.0.5:502");

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("modbus://10.0.0.5:502 (unit ids 0, 255; budget 6)"), run.out());
  }

  @Test
  void moreThanEightUnitIdsIsAUsageErrorBecauseAScanNeverSweeps() {
    CliRun run = CliRun.of("scan", "--unit-ids", "1,2,3,4,5,6,7,8,9", "modbus://10.0.0.5:502");

    assertEquals(2, run.exit());
    assertTrue(run.err().contains("never a sweep"), run.err());
  }

  @Test
  void unitIdOutsideZeroTo255IsAUsageError() {
    CliRun run = CliRun.of("scan", "--unit-ids", "1,256", "modbus://10.0.0.5:502");

    assertEquals(2, run.exit());
    assertTrue(run.err().contains("256 is not 0-255"), run.err());
  }

  @Test
  void netWithoutProtocolIsAUsageError() {
    CliRun run = CliRun.of("scan", "--net", "10.0.0.0/30", "--dry-run");

    assertEquals(2, run.exit());
    assertTrue(run.err().contains("--net"), run.err());
  }

  @Test
  void netExpandsToOneModbusTargetPerHostInTheDryRun() {
    CliRun run = CliRun.of("scan", "--net", "10.0.0.0/30", "--protocol", "modbus", "--dry-run");

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("dry run: nothing is sent; 2 target(s)"), run.out());
    assertTrue(run.out().contains("modbus://10.0.0.2:502 (unit ids 255, 1; budget 6)"), run.out());
  }
}
