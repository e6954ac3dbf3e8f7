package io.fieldprint.protocols.modbus;

import static io.fieldprint.protocols.modbus.ModbusFrames.readDeviceIdRequest;
import static io.fieldprint.protocols.modbus.ModbusFrames.readDeviceIdResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.replay.Pdu;
import io.fieldprint.protocols.replay.Robustness;
import io.fieldprint.protocols.testing.RecordingSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadDeviceIdentificationTest {
  private static final String SOURCE = "modbus.read-device-identification";
  private final ModbusTcp modbus = new ModbusTcp();

  private RecordingSink run(Pdu... pdus) {
    return Robustness.run(modbus, 502, List.of(pdus));
  }

  private static Observation only(RecordingSink sink) {
    List<Observation> found = sink.bySource(SOURCE);
    assertEquals(1, found.size(), () -> "observations: " + found);
    return found.get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> objects(Observation o) {
    return (Map<String, Object>) o.evidence().fields().get("objects");
  }

  @Test
  void basicObjectsBecomeVendorModelAndFirmware() {
    RecordingSink sink =
        run(
            Pdu.request(readDeviceIdRequest(23, 1, 1, 0)),
            Pdu.response(
                readDeviceIdResponse(
                    23,
                    1,
                    1,
                    0x83,
                    0,
                    0,
                    0,
                    "Zeek Modbus Test",
                    1,
                    "Protocol Parsing is fun!",
                    2,
                    "1.2.3.6")));
    Observation o = only(sink);
    assertEquals(
        Identity.builder()
            .vendor("Zeek Modbus Test")
            .model("Protocol Parsing is fun!")
            .firmware("1.2.3.6")
            .build(),
        o.identity());
    assertEquals(Authority.DEVICE_REPORTED, o.authority());
    assertEquals("10.0.0.2", o.subject().ip());
    assertEquals("modbus", o.protocol());
    Map<String, Object> f = o.evidence().fields();
    assertEquals(1, f.get("unitId"));
    assertEquals(1, f.get("readDeviceIdCode"));
    assertEquals("basic", f.get("readDeviceIdCodeName"));
    assertEquals(0x83, f.get("conformityLevel"));
    assertEquals("extended (stream and individual access)", f.get("conformityLevelName"));
    assertEquals(true, f.get("individualAccess"));
    assertEquals(0, f.get("moreFollows"));
    assertEquals(0, f.get("nextObjectId"));
    assertEquals(1, f.get("pages"));
    assertEquals(true, f.get("complete"));
    assertEquals(0, f.get("requestedObjectId"));
    assertEquals(
        Map.of(
            "vendorName", "Zeek Modbus Test",
            "productCode", "Protocol Parsing is fun!",
            "majorMinorRevision", "1.2.3.6"),
        objects(o));
    assertEquals("test.pcap#frame=2", o.evidence().origin());
    assertTrue(sink.warnings.isEmpty(), () -> sink.warnings.toString());
  }

  @Test
  void buffersInLittleEndianOrderAreReadAsBigEndian() {
    io.fieldprint.protocols.decode.TcpFlow flow =
        io.fieldprint.protocols.replay.FakePduContext.flow(502);
    RecordingSink sink = new RecordingSink();
    io.fieldprint.protocols.decode.TcpSession session = modbus.openSession(flow);
    java.nio.ByteBuffer frame =
        java.nio.ByteBuffer.wrap(readDeviceIdResponse(0x0102, 1, 1, 1, 0, 0, 0, "ACME"))
            .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    assertEquals(frame.limit(), modbus.pduLength(frame));
    session.onPdu(io.fieldprint.protocols.replay.FakePduContext.fromServer(flow, sink, 1), frame);
    session.onClose();
    assertEquals("ACME", only(sink).identity().vendor());
    assertTrue(sink.warnings.isEmpty());
  }

  @Test
  void regularObjectsNameProductAndApplication() {
    Observation o =
        only(
            run(
                Pdu.response(
                    readDeviceIdResponse(
                        1,
                        1,
                        2,
                        0x02,
                        0,
                        0,
                        0,
                        "Schneider Electric",
                        1,
                        "BMX NOE 0100",
                        2,
                        "V2.60",
                        3,
                        "www.schneider-electric.com",
                        4,
                        "Modicon M340",
                        5,
                        "NOE 0100",
                        6,
                        "PUMP_STATION_3"))));
    Identity id = o.identity();
    assertEquals("Schneider Electric", id.vendor());
    assertEquals("BMX NOE 0100", id.model());
    assertEquals("V2.60", id.firmware());
    assertEquals("Modicon M340", id.product());
    assertEquals("PUMP_STATION_3", id.name());
    assertEquals("NOE 0100", objects(o).get("modelName"));
    assertEquals("www.schneider-electric.com", objects(o).get("vendorUrl"));
    assertEquals("regular (stream access only)", o.evidence().fields().get("conformityLevelName"));
  }

  @Test
  void modelNameIsTheProductWhenThereIsNoProductName() {
    Observation o =
        only(run(Pdu.response(readDeviceIdResponse(1, 1, 2, 0x82, 0, 0, 0, "ACME", 5, "EM3550"))));
    assertEquals("EM3550", o.identity().product());
  }

  @Test
  void everyObjectIdHasAFieldKey() {
    List<Object> objects = new ArrayList<>();
    for (int id = 0; id <= 0xFF; id++) {
      objects.add(id);
      objects.add("v" + id);
    }
    // 256 one-to-three-character objects do not fit one frame: send them in pages of 32
    List<Pdu> pdus = new ArrayList<>();
    for (int page = 0; page < 8; page++) {
      Object[] slice = objects.subList(page * 64, page * 64 + 64).toArray();
      int more = page < 7 ? 0xFF : 0x00;
      int next = page < 7 ? (page + 1) * 32 : 0;
      pdus.add(Pdu.response(readDeviceIdResponse(page, 1, 3, 0x83, more, next, slice)));
    }
    Observation o = only(Robustness.run(modbus, 502, pdus));
    Map<String, Object> named = objects(o);
    assertEquals(256, named.size());
    assertEquals("v3", named.get("vendorUrl"));
    assertEquals("v6", named.get("userApplicationName"));
    assertEquals("v7", named.get("object0x07"));
    assertEquals("v128", named.get("object0x80"));
    assertEquals("v255", named.get("object0xff"));
    assertEquals(8, o.evidence().fields().get("pages"));
  }

  @Test
  void conformityLevelsAreKeptRawAndNamed() {
    Map<Integer, String> expected =
        Map.of(
            0x01, "basic (stream access only)",
            0x02, "regular (stream access only)",
            0x03, "extended (stream access only)",
            0x81, "basic (stream and individual access)",
            0x82, "regular (stream and individual access)",
            0x83, "extended (stream and individual access)",
            0x04, "unknown (0x04)",
            0x80, "unknown (0x80)");
    expected.forEach(
        (level, name) -> {
          Observation o =
              only(run(Pdu.response(readDeviceIdResponse(1, 1, 1, level, 0, 0, 0, "V"))));
          assertEquals(level, o.evidence().fields().get("conformityLevel"));
          assertEquals(name, o.evidence().fields().get("conformityLevelName"));
        });
  }

  @Test
  void pagesOfOneExchangeAreEmittedOnceWithTheFirstPagesEvidence() {
    RecordingSink sink =
        run(
            Pdu.request(readDeviceIdRequest(1, 1, 2, 0)),
            Pdu.response(readDeviceIdResponse(1, 1, 2, 0x02, 0xFF, 2, 0, "ACME", 1, "X-100")),
            Pdu.request(readDeviceIdRequest(2, 1, 2, 2)),
            Pdu.response(readDeviceIdResponse(2, 1, 2, 0x02, 0x00, 0, 2, "3.1", 4, "Pump")));
    Observation o = only(sink);
    assertEquals(
        Identity.builder().vendor("ACME").model("X-100").firmware("3.1").product("Pump").build(),
        o.identity());
    assertEquals("test.pcap#frame=2", o.evidence().origin());
    assertEquals(2, o.evidence().fields().get("pages"));
    assertEquals(true, o.evidence().fields().get("complete"));
    assertEquals(0, o.evidence().fields().get("requestedObjectId"));
  }

  @Test
  void unfinishedPagingIsEmittedOnCloseAsIncomplete() {
    Observation o =
        only(run(Pdu.response(readDeviceIdResponse(1, 1, 1, 0x01, 0xFF, 1, 0, "ACME"))));
    assertEquals(false, o.evidence().fields().get("complete"));
    assertEquals("ACME", o.identity().vendor());
  }

  @Test
  void pagingThatNeverEndsStopsAtThePageLimit() {
    List<Pdu> pdus = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      pdus.add(Pdu.response(readDeviceIdResponse(i, 1, 1, 0x01, 0xFF, 0, 0, "Loop")));
    }
    RecordingSink sink = Robustness.run(modbus, 502, pdus);
    List<Observation> found = sink.bySource(SOURCE);
    assertEquals(2, found.size());
    assertEquals(32, found.get(0).evidence().fields().get("pages"));
    assertEquals(false, found.get(0).evidence().fields().get("complete"));
    assertTrue(sink.warnings.stream().anyMatch(w -> w.message().contains("still paging")));
  }

  @Test
  void pipelinedResponsesOutOfOrderPairWithTheirOwnRequests() {
    RecordingSink sink =
        run(
            Pdu.request(readDeviceIdRequest(7, 1, 4, 0x04)),
            Pdu.request(readDeviceIdRequest(8, 2, 4, 0x06)),
            Pdu.response(readDeviceIdResponse(8, 2, 4, 0x82, 0, 0, 6, "LINE_2")),
            Pdu.response(readDeviceIdResponse(7, 1, 4, 0x82, 0, 0, 4, "Pump")));
    List<Observation> found = sink.bySource(SOURCE);
    assertEquals(2, found.size());
    assertEquals(2, found.get(0).evidence().fields().get("unitId"));
    assertEquals(6, found.get(0).evidence().fields().get("requestedObjectId"));
    assertEquals("LINE_2", found.get(0).identity().name());
    assertEquals(1, found.get(1).evidence().fields().get("unitId"));
    assertEquals(4, found.get(1).evidence().fields().get("requestedObjectId"));
    assertEquals("Pump", found.get(1).identity().product());
  }

  @Test
  void responseWithoutItsRequestStillIdentifies() {
    Observation o = only(run(Pdu.response(readDeviceIdResponse(9, 1, 1, 0x01, 0, 0, 0, "ACME"))));
    assertNull(o.evidence().fields().get("requestedObjectId"));
    assertEquals("ACME", o.identity().vendor());
  }

  @Test
  void illegalFunctionExceptionIsRecordedAsInformation() {
    RecordingSink sink =
        run(
            Pdu.request(readDeviceIdRequest(3, 1, 1, 0)),
            Pdu.response(ModbusFrames.pdu(3, 1, 0xAB, 0x01)));
    Observation o = only(sink);
    assertTrue(o.identity().isEmpty());
    assertEquals(1, o.evidence().fields().get("exceptionCode"));
    assertEquals("Illegal Function", o.evidence().fields().get("exception"));
    assertEquals(true, o.evidence().fields().get("requestSeen"));
    assertTrue(sink.warnings.isEmpty());
  }

  @Test
  void objectLengthThatOverClaimsKeepsEarlierObjectsAndWarns() {
    byte[] frame = readDeviceIdResponse(1, 1, 1, 0x01, 0, 0, 0, "ACME", 1, "X-100");
    frame[frame.length - 6] = 100; // object 1 claims 100 bytes, 5 follow
    RecordingSink sink = run(Pdu.response(frame));
    Observation o = only(sink);
    assertEquals("ACME", o.identity().vendor());
    assertNull(o.identity().model());
    assertEquals(1, sink.warnings.size());
    assertTrue(
        sink.warnings.get(0).message().contains("claims 100 bytes"), sink.warnings::toString);
  }

  @Test
  void fewerObjectsThanAnnouncedWarns() {
    byte[] frame = readDeviceIdResponse(1, 1, 1, 0x01, 0, 0, 0, "ACME");
    frame[13] = 3;
    RecordingSink sink = run(Pdu.response(frame));
    assertEquals("ACME", only(sink).identity().vendor());
    assertTrue(sink.warnings.get(0).message().contains("announces 3 objects, holds 1"));
  }

  @Test
  void objectTextIsSanitisedAndCapped() {
    String value = "A\u0001B\u007f" + "x".repeat(250);
    Observation o = only(run(Pdu.response(readDeviceIdResponse(1, 1, 1, 1, 0, 0, 0, value))));
    String vendor = o.identity().vendor();
    assertTrue(vendor.startsWith("ABxxx"), vendor);
    assertEquals(252, vendor.length());
  }

  @Test
  void emptyObjectListGivesEmptyIdentity() {
    Observation o = only(run(Pdu.response(readDeviceIdResponse(1, 1, 1, 1, 0, 0))));
    assertTrue(o.identity().isEmpty());
    assertEquals(Map.of(), objects(o));
  }

  @Test
  void truncationAtEveryLengthWarnsAndNeverThrows() {
    List<Pdu> exchange =
        List.of(
            Pdu.request(readDeviceIdRequest(1, 1, 1, 0)),
            Pdu.response(
                readDeviceIdResponse(1, 1, 1, 0x83, 0, 0, 0, "ACME", 1, "X-100", 2, "1.0")));
    int warned = Robustness.truncateEveryLength(modbus, 502, exchange);
    int cuts = exchange.get(0).bytes().length + exchange.get(1).bytes().length;
    assertEquals(cuts, warned);
  }

  @Test
  void randomMutationNeverThrows() {
    List<Pdu> exchange =
        List.of(
            Pdu.request(readDeviceIdRequest(1, 1, 2, 0)),
            Pdu.response(readDeviceIdResponse(1, 1, 2, 0x82, 0xFF, 2, 0, "ACME", 1, "X-100")),
            Pdu.request(readDeviceIdRequest(2, 1, 2, 2)),
            Pdu.response(readDeviceIdResponse(2, 1, 2, 0x82, 0, 0, 2, "1.0", 4, "Pump")),
            Pdu.request(ModbusFrames.pdu(3, 1, 0x11)),
            Pdu.response(ModbusFrames.pdu(3, 1, 0x11, 4, 0x0A, 0xFF, 'A', 'B')),
            Pdu.response(ModbusFrames.pdu(4, 1, 0xAB, 0x01)));
    Robustness.mutate(modbus, 502, exchange, 43L, 5000);
    assertFalse(exchange.isEmpty());
  }
}
