package io.fieldprint.protocols.active.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.active.AuditRecord;
import io.fieldprint.protocols.inventory.AssetMerger;
import io.fieldprint.protocols.inventory.Inventory;
import io.fieldprint.protocols.inventory.InventoryJson;
import io.fieldprint.protocols.inventory.InventorySource;
import io.fieldprint.protocols.inventory.MacRegistry;
import io.fieldprint.protocols.inventory.MergeLimits;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Role;
import io.fieldprint.protocols.testing.InventorySchema;
import io.fieldprint.protocols.testing.ModbusDevice;
import io.fieldprint.protocols.testing.ModbusTestServer;
import io.fieldprint.protocols.testing.ModbusTestServer.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModbusProbeTest {

  @Test
  void identifiesVendorProductCodeAndRevisionFollowingMoreFollowsPages() throws Exception {
    try (ModbusTestServer server = ModbusTestServer.start(ModbusDevice.acme())) {
      ProbeFixture f = ProbeFixture.run(server, "");

      assertEquals(ProbeReport.Status.IDENTIFIED, f.report.status(), f.reasons());
      List<Observation> ids = f.sink.bySource("modbus.read-device-identification");
      assertEquals(2, ids.size(), "one observation per stream: basic and regular");
      Identity basic = ids.get(0).identity();
      assertEquals("ACME Automation", basic.vendor());
      assertEquals("6ES7-ACME-5000", basic.model());
      assertEquals("V2.1.7", basic.firmware());
      assertEquals("ACME PLC-5000", ids.get(1).identity().product());
      assertEquals("127.0.0.1", ids.get(0).subject().ip());
      assertEquals(
          "modbus://127.0.0.1:" + server.port() + "/255 FC43/14 code=1 object=0",
          ids.get(0).evidence().origin());
      assertEquals(2, ids.get(0).evidence().fields().get("pages"));
      assertEquals(true, ids.get(0).evidence().fields().get("complete"));
      assertEquals(1, f.sink.bySource("modbus.report-server-id").size());
      assertTrue(f.sink.warnings.isEmpty(), f.sink.warnings.toString());
    }
  }

  @Test
  void serverSeesOneConnectionWithinBudgetAtLeastTheMinimumGapApartAndOnlyFc43And17()
      throws Exception {
    try (ModbusTestServer server = ModbusTestServer.start(ModbusDevice.acme())) {
      ProbeFixture.run(server, "");

      List<ModbusTestServer.Received> got = server.received();
      assertEquals(1, server.connections());
      assertEquals(4, got.size(), "basic 2 pages, regular 1 page from VendorUrl (0x03), FC17");
      assertTrue(got.size() <= ProbeFixture.FAST.modbusBudget());
      for (int i = 1; i < got.size(); i++) {
        long gap = got.get(i).nanos() - got.get(i - 1).nanos();
        assertTrue(gap >= Duration.ofMillis(100).toNanos(), "gap " + i + ": " + gap + " ns");
      }
      Set<Integer> codes =
          got.stream().map(ModbusTestServer.Received::functionCode).collect(Collectors.toSet());
      assertTrue(Set.of(0x2B, 0x11).containsAll(codes), codes.toString());
      byte[] regular = got.get(2).pdu();
      assertEquals(2, regular[2], "third request reads the regular category");
      assertEquals(0x03, regular[3], "and starts after the basic objects already read");
    }
  }

  @Test
  void inventoryFromTheProbeValidatesAgainstTheSchema() throws Exception {
    try (ModbusTestServer server = ModbusTestServer.start(ModbusDevice.acme())) {
      ProbeFixture f = ProbeFixture.run(server, "");
      AssetMerger merger = new AssetMerger(MergeLimits.DEFAULT, MacRegistry.NONE);
      f.sink.observations.forEach(merger::observe);
      Inventory inventory =
          merger.build(
              List.of(
                  new InventorySource(
                      "scan", server.target(""), "ok", null, 5, 100, null, null, 0)));
      String json = new InventoryJson("test").write(inventory);

      assertEquals(List.of(), InventorySchema.violations(json));
      assertTrue(json.contains("6ES7-ACME-5000"), json);
    }
  }

  @Test
  void unit1IsTriedWhenUnit255IsSilentAndStopsAtTheFirstThatAnswers() throws Exception {
    ModbusDevice unit1 = new ModbusDevice(1, ModbusDevice.ACME_OBJECTS, 0x01);
    try (ModbusTestServer server = ModbusTestServer.start(unit1)) {
      ProbeFixture f = ProbeFixture.run(server, "");

      assertEquals(ProbeReport.Status.IDENTIFIED, f.report.status(), f.reasons());
      List<Integer> units =
          server.received().stream().map(ModbusTestServer.Received::unitId).toList();
      assertEquals(List.of(255, 1, 1, 1), units, "255 silent; basic 2 pages and FC17 on unit 1");
      assertTrue(f.reasons().contains("/255 FC43/14 code=1 object=0: no response"), f.reasons());
    }
  }

  @Test
  void illegalFunctionToFc43IsRecordedAsInformationAndFc17IsStillTried() throws Exception {
    ModbusTestServer.Responder noFc43 =
        (unit, pdu) ->
            (pdu[0] & 0xFF) == 0x2B
                ? new Answer.Pdu(new byte[] {(byte) 0xAB, 0x01})
                : ModbusDevice.acme().answer(unit, pdu);
    try (ModbusTestServer server = ModbusTestServer.start(noFc43)) {
      ProbeFixture f = ProbeFixture.run(server, "");

      assertEquals(ProbeReport.Status.ANSWERED, f.report.status());
      assertEquals(
          List.of(0x2B, 0x11),
          server.received().stream().map(ModbusTestServer.Received::functionCode).toList());
      assertTrue(f.reasons().contains("exception 0x01 Illegal Function"), f.reasons());
      assertTrue(f.sink.warnings.isEmpty(), "an exception is an answer, not malformed");
      assertEquals(1, f.sink.bySource("modbus.report-server-id").size());
    }
  }

  @Test
  void gatewayExceptionMarksAGatewayAndStopsTryingOtherUnits() throws Exception {
    ModbusTestServer.Responder gateway =
        (unit, pdu) -> new Answer.Pdu(new byte[] {(byte) 0xAB, 0x0B});
    try (ModbusTestServer server = ModbusTestServer.start(gateway)) {
      ProbeFixture f = ProbeFixture.run(server, "");

      assertEquals(1, server.received().size());
      Observation server0 =
          f.sink.bySource("modbus.server").get(f.sink.bySource("modbus.server").size() - 1);
      assertEquals(Role.GATEWAY, server0.identity().role());
      assertEquals(0x0B, server0.evidence().fields().get("exceptionCode"));
      assertTrue(f.reasons().contains("further unit ids not tried"), f.reasons());
    }
  }

  @Test
  void everyRequestAndItsOutcomeIsInTheAuditLog() throws Exception {
    try (ModbusTestServer server = ModbusTestServer.start(ModbusDevice.acme())) {
      ProbeFixture f = ProbeFixture.run(server, "/255");

      assertEquals(server.received().size(), f.audit.size());
      assertEquals(
          Map.of("SENT", 4L),
          f.audit.stream()
              .collect(Collectors.groupingBy(AuditRecord::decision, Collectors.counting())));
    }
  }
}
