package io.fieldprint.protocols.active.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.active.ScanTarget;
import io.fieldprint.protocols.active.ScanTargetParser;
import io.fieldprint.protocols.decode.Parsed;
import io.fieldprint.protocols.testing.ModbusTestServer;
import io.fieldprint.protocols.testing.ModbusTestServer.Answer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Servers that answer badly: each probe ends within its time budget with a recorded reason. */
class HostileModbusServerTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void mbapLengthOverClaimingTheMaximumFrameEndsTheProbe() throws Exception {
    Answer huge = new Answer.Raw(HEX.parseHex("0000" + "0000" + "FFFF" + "FF" + "2B0E"), true);
    try (ModbusTestServer server = ModbusTestServer.start((u, p) -> huge)) {
      ProbeFixture f = ProbeFixture.run(server, "");

      assertEquals(ProbeReport.Status.FAILED, f.report.status());
      assertTrue(f.reasons().contains("MBAP length 65535 outside 2-254"), f.reasons());
      assertEquals(1, server.received().size(), "nothing more on a stream out of step");
      assertFalse(f.sink.warnings.isEmpty());
    }
  }

  @Test
  void zeroLengthMbapHeaderEndsTheProbe() throws Exception {
    Answer empty = new Answer.Raw(HEX.parseHex("0000" + "0000" + "0000" + "FF"), true);
    try (ModbusTestServer server = ModbusTestServer.start((u, p) -> empty)) {
      ProbeFixture f = ProbeFixture.run(server, "");

      assertEquals(ProbeReport.Status.FAILED, f.report.status());
      assertTrue(f.reasons().contains("MBAP length 0 outside 2-"), f.reasons());
      assertEquals(1, server.received().size(), "nothing more on a stream out of step");
    }
  }

  @Test
  void answerFromAnotherUnitIsNotTakenAsThisUnitsIdentity() throws Exception {
    Answer otherUnit =
        new Answer.Raw(
            HEX.parseHex("0000" + "0000" + "000C" + "07" + "2B0E0101" + "000001" + "0002" + "4142"),
            true);
    try (ModbusTestServer server = ModbusTestServer.start((u, p) -> otherUnit)) {
      ProbeFixture f = ProbeFixture.run(server, "/1");

      assertEquals(ProbeReport.Status.FAILED, f.report.status());
      assertTrue(f.reasons().contains("response from unit 7 to a request for unit 1"), f.reasons());
      assertTrue(f.sink.bySource("modbus.read-device-identification").isEmpty());
    }
  }

  @Test
  void garbageThatIsNotModbusTcpIsRecorded() throws Exception {
    Answer http = new Answer.Raw("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(), false);
    try (ModbusTestServer server = ModbusTestServer.start((u, p) -> http)) {
      ProbeFixture f = ProbeFixture.run(server, "");

      assertEquals(ProbeReport.Status.FAILED, f.report.status());
      assertTrue(f.reasons().contains("MBAP protocol id"), f.reasons());
    }
  }

  @Test
  void endlessMoreFollowsStopsAtTheRequestBudget() throws Exception {
    ModbusTestServer.Responder endless =
        (u, p) -> {
          int next = (p[3] & 0xFF) + 1;
          return new Answer.Pdu(
              HEX.parseHex("2B0E0101FF" + String.format("%02X", next) + "01" + "0001" + "41"));
        };
    try (ModbusTestServer server = ModbusTestServer.start(endless)) {
      ProbeFixture f = ProbeFixture.run(server, "");

      assertEquals(ProbeFixture.FAST.modbusBudget(), server.received().size());
      assertTrue(f.reasons().contains("gate refused"), f.reasons());
      assertEquals(
          false,
          f.sink
              .bySource("modbus.read-device-identification")
              .get(0)
              .evidence()
              .fields()
              .get("complete"));
    }
  }

  @Test
  void moreFollowsThatPointsBackwardsIsALoopAndStopsPaging() throws Exception {
    Answer loop = new Answer.Pdu(HEX.parseHex("2B0E0101FF00" + "01" + "0001" + "41"));
    try (ModbusTestServer server = ModbusTestServer.start((u, p) -> loop)) {
      ProbeFixture f = ProbeFixture.run(server, "");

      assertTrue(f.reasons().contains("(loop)"), f.reasons());
      assertEquals(2, server.received().size(), "one page, then FC17");
    }
  }

  @Test
  void silentServerEndsWithinTheTimeBudgetAsNoAnswer() throws Exception {
    try (ModbusTestServer server = ModbusTestServer.start((u, p) -> new Answer.Silence())) {
      ProbeFixture f = ProbeFixture.run(server, "");

      assertEquals(ProbeReport.Status.NO_ANSWER, f.report.status());
      assertEquals(2, server.received().size(), "unit 255 then unit 1, one attempt each");
      assertEquals(1, server.connections());
      assertTrue(f.reasons().contains("no response within the request timeout"), f.reasons());
    }
  }

  @Test
  void resetInTheMiddleOfAFrameIsRecorded() throws Exception {
    Answer cut = new Answer.ResetAfter(HEX.parseHex("0001000000100B2B0E01"));
    try (ModbusTestServer server = ModbusTestServer.start((u, p) -> cut)) {
      ProbeFixture f = ProbeFixture.run(server, "/1");

      assertEquals(ProbeReport.Status.FAILED, f.report.status());
      assertEquals(1, server.received().size());
      assertFalse(f.report.reasons().isEmpty());
    }
  }

  @Test
  void connectionRefusedIsNoAnswerWithAReason() throws Exception {
    // a bound socket that does not listen refuses connections, and keeps its port from being
    // taken by another process or by a self-connecting client while the probe runs (a closed
    // server's port is free for either)
    ProbeFixture f;
    try (java.net.Socket closedPort = new java.net.Socket()) {
      closedPort.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
      f =
          ProbeFixture.run(
              ((Parsed.Ok<ScanTarget>)
                      ScanTargetParser.parse("modbus://127.0.0.1:" + closedPort.getLocalPort()))
                  .value(),
              ProbeFixture.FAST);
    }

    assertEquals(ProbeReport.Status.NO_ANSWER, f.report.status());
    assertTrue(f.reasons().contains("could not connect"), f.reasons());
    assertEquals(1, f.audit.size(), "one attempt, no second connection for unit 1");
    assertTrue(f.sink.warnings.isEmpty(), "an absent device is not malformed input");
  }
}
