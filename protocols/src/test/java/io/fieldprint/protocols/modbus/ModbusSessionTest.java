package io.fieldprint.protocols.modbus;

import static io.fieldprint.protocols.modbus.ModbusFrames.pdu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Role;
import io.fieldprint.protocols.replay.Pdu;
import io.fieldprint.protocols.replay.Robustness;
import io.fieldprint.protocols.testing.RecordingSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModbusSessionTest {
  private final ModbusTcp modbus = new ModbusTcp();

  private RecordingSink run(Pdu... pdus) {
    return Robustness.run(modbus, 502, List.of(pdus));
  }

  private static List<Pdu> readHoldingRegisters(int times) {
    List<Pdu> pdus = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      pdus.add(Pdu.request(pdu(i, 1, 0x03, 0x00, 0x00, 0x00, 0x02)));
      pdus.add(Pdu.response(pdu(i, 1, 0x03, 0x04, 0, 1, 0, 2)));
    }
    return pdus;
  }

  @Test
  void serverAndClientAreAnnouncedOncePerConnection() {
    RecordingSink sink = Robustness.run(modbus, 502, readHoldingRegisters(50));
    List<Observation> server = sink.bySource("modbus.server");
    assertEquals(1, server.size());
    assertEquals("10.0.0.2", server.get(0).subject().ip());
    assertEquals("modbus", server.get(0).protocol());
    assertEquals(Authority.DEVICE_REPORTED, server.get(0).authority());
    assertEquals(Role.SERVER, server.get(0).identity().role());
    assertEquals(Map.of("port", 502, "answered", true), server.get(0).evidence().fields());
    List<Observation> client = sink.bySource("modbus.client");
    assertEquals(1, client.size());
    assertEquals("10.0.0.1", client.get(0).subject().ip());
    assertEquals(Role.CLIENT, client.get(0).identity().role());
    assertEquals("modbus", client.get(0).protocol());
    assertEquals(Authority.INFERRED, client.get(0).authority());
    assertEquals("10.0.0.2", client.get(0).evidence().fields().get("server"));
    assertTrue(sink.warnings.isEmpty(), sink.warnings::toString);
  }

  @Test
  void summaryOnCloseListsUnitsFunctionsAndWrites() {
    RecordingSink sink =
        run(
            Pdu.request(pdu(1, 1, 0x03, 0, 0, 0, 1)),
            Pdu.request(pdu(2, 7, 0x06, 0, 1, 0, 5)),
            Pdu.request(pdu(3, 7, 0x10, 0, 1, 0, 1, 2, 0, 5)),
            Pdu.request(pdu(4, 1, 0x08, 0, 0, 0xA5, 0x37)),
            Pdu.request(pdu(5, 1, 0x5A, 0x00, 0x02)),
            Pdu.request(pdu(6, 1, 0x17, 0, 0, 0, 1, 0, 1, 0, 1, 2, 0, 0)),
            Pdu.response(pdu(2, 7, 0x86, 0x02)));
    List<Observation> summary = sink.bySource("modbus.session-summary");
    assertEquals(1, summary.size());
    Map<String, Object> f = summary.get(0).evidence().fields();
    assertEquals(List.of(1, 7), f.get("unitIds"));
    assertEquals(List.of(3, 6, 8, 16, 23, 90), f.get("functionCodes"));
    assertEquals(6L, f.get("requests"));
    assertEquals(1L, f.get("responses"));
    assertEquals(3L, f.get("writeRequests"));
    assertEquals(1L, f.get("diagnosticsRequests"));
    assertEquals(1L, f.get("umasRequests"));
    assertEquals(1L, f.get("exceptions"));
    assertEquals(Map.of("fc6 Illegal Data Address", 1L), f.get("exceptionsByFunction"));
    assertEquals("10.0.0.1", f.get("client"));
    assertEquals("test.pcap#frame=1", summary.get(0).evidence().origin());
    assertTrue(summary.get(0).identity().isEmpty());
  }

  @Test
  void gatewayExceptionsMakeTheServerAGateway() {
    RecordingSink sink =
        run(Pdu.request(pdu(1, 17, 0x03, 0, 0, 0, 1)), Pdu.response(pdu(1, 17, 0x83, 0x0B)));
    Observation summary = sink.bySource("modbus.session-summary").get(0);
    assertEquals(Role.GATEWAY, summary.identity().role());
    assertEquals(1L, summary.evidence().fields().get("gatewayExceptions"));
  }

  @Test
  void serverThatNeverAnsweredIsAnnouncedOnCloseAsPeerReported() {
    RecordingSink sink = run(Pdu.request(pdu(1, 1, 0x03, 0, 0, 0, 1)));
    List<Observation> server = sink.bySource("modbus.server");
    assertEquals(1, server.size());
    assertEquals(Authority.PEER_REPORTED, server.get(0).authority());
    assertEquals(false, server.get(0).evidence().fields().get("answered"));
  }

  @Test
  void connectionWithoutFramesSaysNothing() {
    RecordingSink sink = run();
    assertTrue(sink.observations.isEmpty());
  }

  @Test
  void readResponseWhoseByteCountDisagreesWarns() {
    RecordingSink sink = run(Pdu.response(pdu(1, 0xFF, 0x04, 0x81, 0, 0, 0, 0)));
    assertEquals(1, sink.warnings.size());
    assertEquals("modbus", sink.warnings.get(0).protocol());
    assertEquals("test.pcap#frame=1", sink.warnings.get(0).origin());
    assertTrue(sink.warnings.get(0).message().contains("byte count 129, 4 bytes follow"));
  }

  @Test
  void registerReadAskingForTooManyWarns() {
    RecordingSink sink = run(Pdu.request(pdu(1, 0xFF, 0x04, 0x03, 0x84, 0x00, 0x93)));
    assertTrue(sink.warnings.get(0).message().contains("asks for 147 items (1..125)"));
  }

  @Test
  void unassignedFunctionCodeWarnsOncePerConnection() {
    RecordingSink sink =
        run(
            Pdu.request(pdu(1, 1, 0x1D, 0, 0, 0, 0)),
            Pdu.request(pdu(2, 1, 0x1D, 0, 0, 0, 0)),
            Pdu.response(pdu(1, 1, 0x9D, 0x01)));
    assertEquals(1, sink.warnings.size());
    assertTrue(sink.warnings.get(0).message().contains("function code 29 is not assigned"));
  }

  @Test
  void unassignedMeiTypeWarns() {
    RecordingSink sink = run(Pdu.request(pdu(1, 1, 0x2B, 0x00, 0, 0, 0)));
    assertTrue(sink.warnings.get(0).message().contains("unassigned MEI type 0x00"));
  }

  @Test
  void exceptionResponseWithExtraBytesWarns() {
    RecordingSink sink = run(Pdu.response(pdu(1, 1, 0x83, 0x02, 0x00)));
    assertTrue(sink.warnings.get(0).message().contains("exception response of 3 bytes"));
  }

  @Test
  void frameWhoseLengthFieldDisagreesWithItsSizeWarns() {
    byte[] frame = pdu(1, 1, 0x03, 0, 0, 0, 1);
    frame[5] = 9;
    RecordingSink sink = run(Pdu.request(frame));
    assertTrue(sink.warnings.get(0).message().contains("does not match its length field"));
  }

  @Test
  void outstandingRequestsAreBounded() {
    OutstandingRequests outstanding = new OutstandingRequests();
    for (int tid = 0; tid < 1000; tid++) {
      outstanding.put(tid, 1, new OutstandingRequests.Request(43, 0));
    }
    assertEquals(OutstandingRequests.CAPACITY, outstanding.size());
    assertNull(outstanding.take(0, 1));
    assertEquals(43, outstanding.take(999, 1).functionCode());
  }

  @Test
  void gapForgetsOutstandingRequests() {
    io.fieldprint.protocols.decode.TcpFlow flow =
        io.fieldprint.protocols.replay.FakePduContext.flow(502);
    RecordingSink sink = new RecordingSink();
    io.fieldprint.protocols.decode.TcpSession session = modbus.openSession(flow);
    session.onPdu(
        io.fieldprint.protocols.replay.FakePduContext.toServer(flow, sink, 1),
        java.nio.ByteBuffer.wrap(ModbusFrames.readDeviceIdRequest(1, 1, 1, 0)));
    session.onGap(io.fieldprint.protocols.replay.FakePduContext.fromServer(flow, sink, 2), 100);
    session.onPdu(
        io.fieldprint.protocols.replay.FakePduContext.fromServer(flow, sink, 3),
        java.nio.ByteBuffer.wrap(ModbusFrames.readDeviceIdResponse(1, 1, 1, 1, 0, 0, 0, "ACME")));
    session.onClose();
    Observation o = sink.bySource("modbus.read-device-identification").get(0);
    assertNull(o.evidence().fields().get("requestedObjectId"));
  }

  @Test
  void mixedTrafficMutationNeverThrows() {
    List<Pdu> pdus = new ArrayList<>(readHoldingRegisters(3));
    pdus.add(Pdu.request(pdu(9, 1, 0x01, 0, 0, 0, 8)));
    pdus.add(Pdu.response(pdu(9, 1, 0x01, 1, 0xFF)));
    pdus.add(Pdu.response(pdu(10, 1, 0x83, 0x0A)));
    Robustness.mutate(modbus, 502, pdus, 502L, 5000);
    assertEquals(9, pdus.size());
  }
}
