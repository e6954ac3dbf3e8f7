package io.fieldprint.protocols.opcua;

import static io.fieldprint.protocols.opcua.SessionDriver.SERVER_DEVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ReadRequest of Server_ServerStatus nodes paired by RequestId with its ReadResponse. */
class ServerStatusReadTest {
  private static final Instant BUILT = Instant.parse("2022-05-04T10:00:00Z");
  private static final Instant STARTED = Instant.parse("2024-02-28T06:00:00Z");

  private static SessionDriver channel() {
    return new SessionDriver().openNoneChannel(9);
  }

  private static byte[] dateValue(Instant at) {
    return new UaBinaryWriter().u8(1).u8(13).dateTime(at).toBytes();
  }

  private static byte[] buildInfoBody() {
    return new UaBinaryWriter()
        .string("http://vendor.example/plc")
        .string("Vendor AG")
        .string("CPU 1516-3 PN/DP")
        .string("V2.9.4")
        .string("20220504.1")
        .dateTime(BUILT)
        .toBytes();
  }

  @Test
  void buildInfoChildrenGiveVendorProductAndFirmware() {
    SessionDriver d =
        channel()
            .fromClient(
                UaMessages.msg(9, 6, UaMessages.readRequest(2261, 2262, 2263, 2264, 2265, 2266)))
            .fromServer(
                UaMessages.msg(
                    9,
                    6,
                    UaMessages.readResponse(
                        List.of(
                            UaMessages.stringValue("CPU 1516-3 PN/DP"),
                            UaMessages.stringValue("http://vendor.example/plc"),
                            UaMessages.stringValue("Vendor AG"),
                            UaMessages.stringValue("V2.9.4"),
                            UaMessages.stringValue("20220504.1"),
                            dateValue(BUILT)))));
    Observation o = d.only("opcua.server-status");
    assertEquals(SERVER_DEVICE, o.subject());
    assertEquals(Authority.DEVICE_REPORTED, o.authority());
    assertEquals(
        Identity.builder()
            .vendor("Vendor AG")
            .product("CPU 1516-3 PN/DP")
            .firmware("V2.9.4")
            .build(),
        o.identity());
    Map<String, Object> f = o.evidence().fields();
    assertEquals("20220504.1", f.get("buildNumber"));
    assertEquals("http://vendor.example/plc", f.get("productUri"));
    assertEquals(BUILT.toString(), f.get("buildDate"));
    assertEquals(
        List.of("i=2261", "i=2262", "i=2263", "i=2264", "i=2265", "i=2266"), f.get("nodesRead"));
  }

  @Test
  void serverStatusStructureIsDecodedFromItsExtensionObject() {
    byte[] status =
        new UaBinaryWriter()
            .dateTime(STARTED)
            .dateTime(STARTED.plusSeconds(60))
            .i32(0)
            .raw(buildInfoBody())
            .u32(0)
            .localizedText(null, null)
            .toBytes();
    byte[] value = new UaBinaryWriter().u8(0x01).u8(22).extensionObject(864, status).toBytes();
    SessionDriver d =
        channel()
            .fromClient(UaMessages.msg(9, 6, UaMessages.readRequest(2256)))
            .fromServer(UaMessages.msg(9, 6, UaMessages.readResponse(List.of(value))));
    Observation o = d.only("opcua.server-status");
    assertEquals("Vendor AG", o.identity().vendor());
    assertEquals("V2.9.4", o.identity().firmware());
    assertEquals("Running", o.evidence().fields().get("state"));
    assertEquals(STARTED.toString(), o.evidence().fields().get("startTime"));
  }

  @Test
  void buildInfoStructureAndStateOnlyReads() {
    byte[] info =
        new UaBinaryWriter().u8(0x01).u8(22).extensionObject(340, buildInfoBody()).toBytes();
    byte[] state = new UaBinaryWriter().u8(0x01).u8(6).i32(5).toBytes();
    SessionDriver d =
        channel()
            .fromClient(UaMessages.msg(9, 6, UaMessages.readRequest(2259, 2260)))
            .fromServer(UaMessages.msg(9, 6, UaMessages.readResponse(List.of(state, info))));
    Observation o = d.only("opcua.server-status");
    assertEquals("CPU 1516-3 PN/DP", o.identity().product());
    assertEquals("Test", o.evidence().fields().get("state"));
  }

  @Test
  void onlyTheNodesOfInterestArePairedByPosition() {
    SessionDriver d =
        channel()
            .fromClient(UaMessages.msg(9, 6, UaMessages.readRequest(2255, 2263, 85)))
            .fromServer(
                UaMessages.msg(
                    9,
                    6,
                    UaMessages.readResponse(
                        List.of(
                            new UaBinaryWriter()
                                .u8(1)
                                .u8(0x80 | 12)
                                .stringArray(List.of("http://opc"))
                                .toBytes(),
                            UaMessages.stringValue("Vendor AG"),
                            UaMessages.stringValue("ignored")))));
    Observation o = d.only("opcua.server-status");
    assertEquals(Identity.builder().vendor("Vendor AG").build(), o.identity());
    assertEquals(List.of("i=2263"), o.evidence().fields().get("nodesRead"));
  }

  @Test
  void readRequestWithNodeIdsOfEveryFormIsScannedByPosition() {
    byte[] request =
        new UaBinaryWriter()
            .nodeId(631)
            .requestHeader()
            .f64(0)
            .i32(0)
            .i32(4)
            .u8(3)
            .i16(1)
            .string("the.answer")
            .u32(13)
            .string(null)
            .i16(0)
            .string(null)
            .u8(4)
            .i16(2)
            .guid(java.util.UUID.randomUUID())
            .u32(13)
            .string(null)
            .i16(0)
            .string(null)
            .nodeId(2264)
            .u32(13)
            .string("0:1")
            .i16(0)
            .string(null)
            .nodeId(2263)
            .u32(1)
            .string(null)
            .i16(0)
            .string(null)
            .toBytes();
    SessionDriver d =
        channel()
            .fromClient(UaMessages.msg(9, 6, request))
            .fromServer(
                UaMessages.msg(
                    9,
                    6,
                    UaMessages.readResponse(
                        List.of(
                            UaMessages.stringValue("a"), UaMessages.stringValue("b"),
                            UaMessages.stringValue("V3.1"),
                                UaMessages.stringValue("not a Value read")))));
    Observation o = d.only("opcua.server-status");
    assertEquals(Identity.builder().firmware("V3.1").build(), o.identity());
  }

  @Test
  void badStatusValuesAreNotUsed() {
    byte[] bad = new UaBinaryWriter().u8(0x02).u32(0x80340000L).toBytes();
    SessionDriver d =
        channel()
            .fromClient(UaMessages.msg(9, 6, UaMessages.readRequest(2261)))
            .fromServer(UaMessages.msg(9, 6, UaMessages.readResponse(List.of(bad))));
    assertTrue(d.bySource("opcua.server-status").isEmpty());
  }

  @Test
  void responseWithoutAMatchingRequestIsIgnored() {
    SessionDriver d =
        channel()
            .fromClient(UaMessages.msg(9, 6, UaMessages.readRequest(2261)))
            .fromServer(
                UaMessages.msg(
                    9, 7, UaMessages.readResponse(List.of(UaMessages.stringValue("Vendor AG")))));
    assertTrue(d.bySource("opcua.server-status").isEmpty());
  }

  @Test
  void readsOfOtherNodesAreNotKept() {
    SessionDriver d =
        channel()
            .fromClient(UaMessages.msg(9, 6, UaMessages.readRequest(85, 2267)))
            .fromServer(
                UaMessages.msg(
                    9,
                    6,
                    UaMessages.readResponse(
                        List.of(UaMessages.stringValue("x"), UaMessages.stringValue("y")))));
    assertTrue(d.bySource("opcua.server-status").isEmpty());
    assertTrue(d.sink.warnings.isEmpty());
  }

  @Test
  void currentTimePollsAreReportedOnce() {
    SessionDriver d = channel();
    for (int i = 0; i < 5; i++) {
      d.fromClient(UaMessages.msg(9, 10 + i, UaMessages.readRequest(2258)));
      d.fromServer(
          UaMessages.msg(
              9, 10 + i, UaMessages.readResponse(List.of(dateValue(STARTED.plusSeconds(i))))));
    }
    assertEquals(1, d.bySource("opcua.server-status").size());
  }

  @Test
  void localizedTextIsAcceptedForNameNodes() {
    byte[] text = new UaBinaryWriter().u8(1).u8(21).localizedText("en", "Vendor AG").toBytes();
    SessionDriver d =
        channel()
            .fromClient(UaMessages.msg(9, 6, UaMessages.readRequest(2263)))
            .fromServer(UaMessages.msg(9, 6, UaMessages.readResponse(List.of(text))));
    assertEquals("Vendor AG", d.only("opcua.server-status").identity().vendor());
  }

  @Test
  void pendingReadsAreBoundedAndDroppedAfterAServerSideGap() {
    SessionDriver d = channel();
    d.fromClient(UaMessages.msg(9, 6, UaMessages.readRequest(2263)));
    for (int i = 0; i < 64; i++) {
      d.fromClient(UaMessages.msg(9, 100 + i, UaMessages.readRequest(2264)));
    }
    d.fromServer(
        UaMessages.msg(
            9, 6, UaMessages.readResponse(List.of(UaMessages.stringValue("Vendor AG")))));
    assertTrue(d.bySource("opcua.server-status").isEmpty(), "oldest pending request evicted");

    d.session.onGap(d.context(true), 100);
    d.fromServer(
        UaMessages.msg(9, 163, UaMessages.readResponse(List.of(UaMessages.stringValue("V1")))));
    assertTrue(d.bySource("opcua.server-status").isEmpty(), "pending requests cleared by gap");
  }
}
