package io.fieldprint.protocols.active.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.active.ScanLimits;
import io.fieldprint.protocols.testing.ModbusDevice;
import io.fieldprint.protocols.testing.ModbusTestServer;
import io.fieldprint.protocols.testing.ModbusTestServer.Answer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Unit ids, conformity levels and late answers. */
class ModbusProbeUnitsTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void extendedConformityAlsoReadsTheExtendedStream() throws Exception {
    ModbusDevice device =
        new ModbusDevice(255, Map.of(0, "ACME", 1, "X1", 2, "1.0", 0x80, "private"), 0x03);
    try (ModbusTestServer server = ModbusTestServer.start(device)) {
      ProbeFixture f = ProbeFixture.run(server, "/255");

      List<Integer> codes =
          server.received().stream()
              .filter(r -> r.functionCode() == 0x2B)
              .map(r -> r.pdu()[2] & 0xFF)
              .toList();
      assertEquals(List.of(1, 1, 2, 3), codes, "basic in 2 pages, regular, extended");
      assertEquals(3, f.sink.bySource("modbus.read-device-identification").size());
      assertEquals(0x11, server.received().get(server.received().size() - 1).functionCode());
    }
  }

  @Test
  void gatewayExceptionWithAConfiguredUnitListGoesOnToTheNextUnit() throws Exception {
    ModbusTestServer.Responder gateway =
        (unit, pdu) ->
            unit == 7
                ? ModbusDevice.acme().answer(255, pdu)
                : new Answer.Pdu(new byte[] {(byte) 0xAB, 0x0A});
    ScanLimits limits =
        ScanLimits.builder()
            .minGap(Duration.ofMillis(100))
            .requestTimeout(Duration.ofMillis(500))
            .backoff(Duration.ofSeconds(1), Duration.ofSeconds(2))
            .unitIds(List.of(3, 7))
            .build();
    try (ModbusTestServer server = ModbusTestServer.start(gateway)) {
      ProbeFixture f = ProbeFixture.run(server, "", limits);

      assertEquals(ProbeReport.Status.IDENTIFIED, f.report.status(), f.reasons());
      assertEquals(3, server.received().get(0).unitId());
      assertEquals(7, server.received().get(1).unitId());
      assertTrue(f.reasons().contains("Gateway Path Unavailable"), f.reasons());
    }
  }

  @Test
  void aLateAnswerToATimedOutRequestIsSkippedNotTakenForTheNextOne() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    String stale255 = "0001" + "0000" + "0003" + "FF" + "AB01";
    ModbusTestServer.Responder late =
        (unit, pdu) -> {
          if (requests.incrementAndGet() == 1) {
            return new Answer.Silence();
          }
          if (requests.get() == 2) {
            String answer = "0002" + "0000" + "000B" + "01" + "2B0E01010000" + "01" + "0001" + "41";
            return new Answer.Raw(HEX.parseHex(stale255 + answer), false);
          }
          return new Answer.Pdu(new byte[] {(byte) 0x91, 0x01});
        };
    try (ModbusTestServer server = ModbusTestServer.start(late)) {
      ProbeFixture f = ProbeFixture.run(server, "");

      assertEquals(ProbeReport.Status.IDENTIFIED, f.report.status(), f.reasons());
      assertEquals(
          "A", f.sink.bySource("modbus.read-device-identification").get(0).identity().vendor());
      assertEquals(1, f.sink.bySource("modbus.read-device-identification").size());
      assertTrue(f.sink.warnings.isEmpty(), f.sink.warnings.toString());
    }
  }
}
