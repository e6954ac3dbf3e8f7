package io.fieldprint.protocols.pnio;

import static io.fieldprint.protocols.pnio.PnioSamples.CONTROLLER;
import static io.fieldprint.protocols.pnio.PnioSamples.DEVICE;
import static io.fieldprint.protocols.pnio.PnioSamples.DEVICE_CM;
import static io.fieldprint.protocols.pnio.PnioSamples.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.decode.Endpoint;
import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Role;
import io.fieldprint.protocols.testing.RecordingSink;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PnioCmDecoderTest {

  private static Observation only(RecordingSink sink, String source) {
    List<Observation> found = sink.bySource(source);
    assertEquals(1, found.size(), () -> source + " in " + sink.observations);
    return found.get(0);
  }

  @ParameterizedTest(name = "little-endian={0}")
  @ValueSource(booleans = {false, true})
  void connectRequestNamesTheControllerByItsStationNameAndIds(boolean le) {
    RecordingSink sink = decode(CONTROLLER, DEVICE_CM, PnioSamples.connectRequest(le, 0x0001));
    Observation o = only(sink, "profinet.io-cm.connect-request");
    assertEquals(CONTROLLER.device(), o.subject());
    assertEquals(Authority.DEVICE_REPORTED, o.authority());
    assertEquals("profinet", o.protocol());
    assertEquals(
        Identity.builder().vendor("WAGO").name("plc-line-4").role(Role.PLC).build(), o.identity());
    Map<String, Object> f = o.evidence().fields();
    assertEquals("0x0001", f.get("arType"));
    assertEquals("IOCARSingle", f.get("arTypeName"));
    assertEquals("0x00000011", f.get("arProperties"));
    assertEquals(CONTROLLER.mac(), f.get("cmInitiatorMac"));
    assertFalse(f.containsKey("cmInitiatorMacDiffers"));
    assertEquals("dea00000-6c97-11d1-8271-0064010d011d", f.get("cmInitiatorObjectUuid"));
    assertEquals("0x011d", f.get("cmInitiatorVendorId"));
    assertEquals("0x010d", f.get("cmInitiatorDeviceId"));
    assertEquals(100, f.get("cmInitiatorInstance"));
    assertEquals(600, f.get("cmInitiatorActivityTimeoutFactor"));
    assertEquals("0x8892", f.get("cmInitiatorUdpRtPort"));
    assertEquals(le ? "little-endian" : "big-endian", f.get("dataRepresentation"));
    assertEquals("device", f.get("interface"));
    assertTrue(sink.warnings.isEmpty(), sink.warnings::toString);
    assertTrue(sink.bySource("profinet.io-cm.client").isEmpty());
  }

  @ParameterizedTest(name = "little-endian={0}")
  @ValueSource(booleans = {false, true})
  void connectRequestIsAPeerHintAboutTheDeviceItAddresses(boolean le) {
    RecordingSink sink = decode(CONTROLLER, DEVICE_CM, PnioSamples.connectRequest(le, 0x0001));
    Observation o = only(sink, "profinet.io-cm.request-target");
    assertEquals(DEVICE_CM.device(), o.subject());
    assertEquals(Authority.PEER_REPORTED, o.authority());
    assertEquals(Identity.builder().vendor("Siemens").role(Role.IO).build(), o.identity());
    Map<String, Object> f = o.evidence().fields();
    assertEquals("dea00000-6c97-11d1-8271-00010203002a", f.get("objectUuid"));
    assertEquals("0x002a", f.get("vendorId"));
    assertEquals("0x0203", f.get("deviceId"));
    assertEquals(1, f.get("instance"));
    List<?> modules = (List<?>) f.get("expectedModules");
    assertEquals(2, modules.size());
    Map<?, ?> dap = (Map<?, ?>) modules.get(0);
    assertEquals(0, dap.get("slot"));
    assertEquals("0x00010001", dap.get("moduleIdentNumber"));
    assertEquals(
        List.of(
            Map.of("subslot", "0x0001", "submoduleIdentNumber", "0x00001001"),
            Map.of("subslot", "0x8000", "submoduleIdentNumber", "0x00009000")),
        dap.get("submodules"));
    assertEquals("0xffff8140", ((Map<?, ?>) modules.get(1)).get("moduleIdentNumber"));
  }

  @Test
  void supervisorArMakesTheInitiatorAnEngineeringStation() {
    RecordingSink sink =
        decode(
            CONTROLLER, DEVICE_CM, PnioSamples.connectRequest(true, ArBlockReq.AR_TYPE_SUPERVISOR));
    Observation o = only(sink, "profinet.io-cm.connect-request");
    assertEquals(Role.ENGINEERING, o.identity().role());
    assertEquals("IOSAR", o.evidence().fields().get("arTypeName"));
  }

  @Test
  void reservedArTypeNamesTheInitiatorWithoutARole() {
    RecordingSink sink = decode(CONTROLLER, DEVICE_CM, PnioSamples.connectRequest(false, 0x0042));
    Observation o = only(sink, "profinet.io-cm.connect-request");
    assertNull(o.identity().role());
    assertEquals("plc-line-4", o.identity().name());
    assertEquals("reserved", o.evidence().fields().get("arTypeName"));
  }

  @Test
  void initiatorMacOtherThanTheSenderIsFlagged() {
    Endpoint routed = new Endpoint("00:00:5e:00:01:01", CONTROLLER.ip(), CONTROLLER.port());
    RecordingSink sink = decode(routed, DEVICE_CM, PnioSamples.connectRequest(false, 1));
    Observation o = only(sink, "profinet.io-cm.connect-request");
    assertEquals(routed.device(), o.subject());
    assertEquals(true, o.evidence().fields().get("cmInitiatorMacDiffers"));
  }

  @ParameterizedTest(name = "little-endian={0}")
  @ValueSource(booleans = {false, true})
  void responseFromTheDeviceCarriesItsIdsAsDeviceReported(boolean le) {
    RecordingSink sink = decode(DEVICE, CONTROLLER, PnioSamples.connectResponse(le));
    Observation server = only(sink, "profinet.io-cm.server");
    assertEquals(DEVICE.device(), server.subject());
    assertEquals(Authority.DEVICE_REPORTED, server.authority());
    assertEquals(Identity.builder().vendor("Siemens").role(Role.IO).build(), server.identity());
    Map<String, Object> f = server.evidence().fields();
    assertEquals("0x0203", f.get("deviceId"));
    assertEquals("response", f.get("packetType"));
    assertEquals("connect", f.get("operation"));

    Observation connect = only(sink, "profinet.io-cm.connect-response");
    assertEquals(DEVICE.device(), connect.subject());
    assertEquals(DEVICE.mac(), connect.evidence().fields().get("cmResponderMac"));
    assertEquals("0x00000000", connect.evidence().fields().get("pnioStatus"));
    assertEquals("0x8892", connect.evidence().fields().get("cmResponderUdpRtPort"));
    assertTrue(sink.warnings.isEmpty(), sink.warnings::toString);
  }

  @Test
  void refusedConnectKeepsTheStatusWithoutAnArBlock() {
    PnioFrames.Datagram d = new PnioFrames.Datagram(true);
    d.packetType = DceRpcClHeader.RESPONSE;
    d.body = PnioFrames.responseBody(true, 0xDB814001L, w -> {});
    RecordingSink sink = decode(DEVICE, CONTROLLER, d.bytes());
    Map<String, Object> f = only(sink, "profinet.io-cm.connect-response").evidence().fields();
    assertEquals("0xdb814001", f.get("pnioStatus"));
    assertFalse(f.containsKey("cmResponderMac"));
  }

  @ParameterizedTest(name = "little-endian={0}")
  @ValueSource(booleans = {false, true})
  void readResponseWithIAndM0IdentifiesTheResponder(boolean le) {
    RecordingSink sink = decode(DEVICE, CONTROLLER, PnioSamples.readIm0Response(le, 0));
    Observation o = only(sink, "profinet.io-cm.read-response");
    assertEquals(DEVICE.device(), o.subject());
    assertEquals(Authority.DEVICE_REPORTED, o.authority());
    assertEquals(
        Identity.builder()
            .vendor("Siemens")
            .model("6ES7 151-3BA23-0AB0")
            .serial("S C-X4U421302009")
            .hardware("3")
            .firmware("V2.3.1")
            .role(Role.IO)
            .build(),
        o.identity());
    Map<String, Object> f = o.evidence().fields();
    assertEquals("0xaff0", f.get("index"));
    Map<?, ?> im0 = (Map<?, ?>) ((List<?>) f.get("im0")).get(0);
    assertEquals("0x002a", im0.get("vendorId"));
    assertEquals(5, im0.get("revisionCounter"));
    assertEquals("0xf600", im0.get("profileId"));
    assertEquals("0x0004", im0.get("profileSpecificType"));
    assertEquals("1.1", im0.get("imVersion"));
    assertEquals("0x001e", im0.get("imSupported"));
    assertTrue(sink.warnings.isEmpty(), sink.warnings::toString);
  }

  @Test
  void iAndM0OfAPluggedModuleIsEvidenceButNotTheDevicesIdentity() {
    RecordingSink sink = decode(DEVICE, CONTROLLER, PnioSamples.readIm0Response(false, 3));
    Observation o = only(sink, "profinet.io-cm.read-response");
    assertEquals(Identity.builder().role(Role.IO).build(), o.identity());
    Map<?, ?> im0 = (Map<?, ?>) ((List<?>) o.evidence().fields().get("im0")).get(0);
    assertEquals(3, im0.get("slot"));
    assertEquals("6ES7 151-3BA23-0AB0", im0.get("orderId"));
  }

  @ParameterizedTest(name = "little-endian={0}")
  @ValueSource(booleans = {false, true})
  void pdRealDataNamesTheDeviceAndItsNeighbours(boolean le) {
    RecordingSink sink = decode(DEVICE, CONTROLLER, PnioSamples.readPdRealDataResponse(le));
    Observation o = only(sink, "profinet.io-cm.read-response");
    assertEquals("et200s-7", o.identity().name());
    Map<String, Object> f = o.evidence().fields();
    assertEquals(
        Map.of(
            "ownChassisId", "et200s-7",
            "mac", DEVICE.mac(),
            "ip", DEVICE.ip(),
            "subnetMask", "255.255.255.0",
            "gateway", "192.168.1.254"),
        f.get("pdInterface"));
    Map<?, ?> port = (Map<?, ?>) ((List<?>) f.get("ports")).get(0);
    assertEquals("port-001", port.get("ownPortId"));
    assertEquals("0x8001", port.get("subslot"));
    assertEquals(
        List.of(
            Map.of(
                "peerPortId", "port-004", "peerChassisId", "x208", "peerMac", "00:0e:8c:ef:75:c5")),
        port.get("peers"));
    assertTrue(sink.warnings.isEmpty(), sink.warnings::toString);
  }

  @Test
  void iAndM0FilterDataListsTheSubmodulesWithIdentification() {
    byte[] bytes =
        PnioSamples.readResponse(
            true,
            w ->
                PnioFrames.readRecord(
                    w,
                    0,
                    1,
                    0xF840,
                    r ->
                        r.block(
                            BlockHeader.I_AND_M0_FILTER_DATA_DEVICE,
                            b ->
                                b.u16(1)
                                    .u32(0)
                                    .u16(1)
                                    .u16(0)
                                    .u32(0x000fc700L)
                                    .u16(1)
                                    .u16(1)
                                    .u32(1))));
    RecordingSink sink = decode(DEVICE, CONTROLLER, bytes);
    Map<?, ?> filter =
        (Map<?, ?>)
            only(sink, "profinet.io-cm.read-response").evidence().fields().get("im0FilterData");
    assertEquals(
        List.of(
            Map.of(
                "api", 0L,
                "slot", 0,
                "moduleIdentNumber", "0x000fc700",
                "subslot", "0x0001",
                "submoduleIdentNumber", "0x00000001")),
        filter.get("device"));
  }

  @Test
  void readResponseWithoutIdentificationRecordsAddsOnlyPresence() {
    byte[] bytes =
        PnioSamples.readResponse(
            false,
            w -> PnioFrames.readRecord(w, 0, 0x8001, 0x800C, r -> r.block(0x0010, b -> b.u16(0))));
    RecordingSink sink = decode(DEVICE, CONTROLLER, bytes);
    assertTrue(sink.bySource("profinet.io-cm.read-response").isEmpty());
    assertEquals(1, sink.bySource("profinet.io-cm.server").size());
    assertTrue(sink.warnings.isEmpty(), sink.warnings::toString);
  }

  @Test
  void applicationReadyToTheControllerShowsTheCallerAsIoDeviceAndTheServerAsPlc() {
    PnioFrames.Datagram d = new PnioFrames.Datagram(true);
    d.pnioInterface = PnioInterface.CONTROLLER;
    d.object = PnioFrames.CONTROLLER_OBJECT;
    d.opnum = 4;
    Endpoint controllerCm = new Endpoint(CONTROLLER.mac(), CONTROLLER.ip(), PnioCmDecoder.PORT);
    RecordingSink request = decode(DEVICE, controllerCm, d.bytes());
    Observation caller = only(request, "profinet.io-cm.client");
    assertEquals(DEVICE.device(), caller.subject());
    assertEquals(Authority.INFERRED, caller.authority());
    assertEquals(Role.IO, caller.identity().role());
    assertEquals("control", caller.evidence().fields().get("operation"));
    Observation target = only(request, "profinet.io-cm.request-target");
    assertEquals(Identity.builder().vendor("WAGO").role(Role.PLC).build(), target.identity());

    d.packetType = DceRpcClHeader.RESPONSE;
    RecordingSink response = decode(CONTROLLER, DEVICE, d.bytes());
    Observation server = only(response, "profinet.io-cm.server");
    assertEquals(Identity.builder().vendor("WAGO").role(Role.PLC).build(), server.identity());
    assertEquals("controller", server.evidence().fields().get("interface"));
  }

  @Test
  void otherCallsShowTheCallerAsAClient() {
    PnioFrames.Datagram d = new PnioFrames.Datagram(false);
    d.opnum = 3;
    RecordingSink sink = decode(CONTROLLER, DEVICE, d.bytes());
    Observation o = only(sink, "profinet.io-cm.client");
    assertEquals(Identity.builder().role(Role.CLIENT).build(), o.identity());
    assertEquals("write", o.evidence().fields().get("operation"));
    assertEquals("request", o.evidence().fields().get("packetType"));
  }

  @Test
  void faultFromTheServerKeepsItsStatus() {
    PnioFrames.Datagram d = new PnioFrames.Datagram(true);
    d.packetType = DceRpcClHeader.FAULT;
    d.body = new byte[] {0x02, 0x00, 0x01, 0x1c};
    RecordingSink sink = decode(DEVICE, CONTROLLER, d.bytes());
    Map<String, Object> f = only(sink, "profinet.io-cm.server").evidence().fields();
    assertEquals("fault", f.get("packetType"));
    assertEquals("0x1c010002", f.get("status"));
  }

  @Test
  void repeatedCallsAndReconnectsWithinAMinuteAreReportedOnce() {
    PnioCmDecoder decoder = new PnioCmDecoder();
    PnioFrames.Datagram d = new PnioFrames.Datagram(false);
    d.opnum = 3;
    assertEquals(2, PnioSamples.decode(decoder, CONTROLLER, DEVICE, d.bytes()).observations.size());
    d.sequence++;
    assertTrue(PnioSamples.decode(decoder, CONTROLLER, DEVICE, d.bytes()).observations.isEmpty());
    d.activity = UUID.fromString("13142f90-0000-1000-a994-d2106890ca5b");
    assertTrue(
        PnioSamples.decode(decoder, CONTROLLER, DEVICE, d.bytes()).observations.isEmpty(),
        "a new activity saying the same within the minute adds nothing");
    d.opnum = 4;
    RecordingSink another = PnioSamples.decode(decoder, CONTROLLER, DEVICE, d.bytes());
    assertEquals(
        List.of("profinet.io-cm.client"),
        another.observations.stream().map(o -> o.evidence().source()).toList(),
        "a call of another operation is new; what it says about the target is not");
  }

  @Test
  void requestsToABroadcastAddressHintAtNoDevice() {
    Endpoint broadcast = new Endpoint("ff:ff:ff:ff:ff:ff", "192.168.1.255", PnioCmDecoder.PORT);
    PnioFrames.Datagram d = new PnioFrames.Datagram(false);
    d.opnum = 2;
    RecordingSink sink = decode(CONTROLLER, broadcast, d.bytes());
    assertTrue(sink.bySource("profinet.io-cm.request-target").isEmpty());
    d.flags1 |= 0x40;
    sink = decode(CONTROLLER, DEVICE_CM, d.bytes());
    assertTrue(sink.bySource("profinet.io-cm.request-target").isEmpty());
    assertEquals(1, sink.bySource("profinet.io-cm.client").size());
  }

  @Test
  void objectUuidsOutsideThePnioFormGiveNoIds() {
    PnioFrames.Datagram d = new PnioFrames.Datagram(false);
    d.packetType = DceRpcClHeader.RESPONSE;
    d.opnum = 1;
    d.object = new UUID(0, 0);
    Observation o = only(decode(DEVICE, CONTROLLER, d.bytes()), "profinet.io-cm.server");
    assertEquals(Identity.builder().role(Role.IO).build(), o.identity());
    assertFalse(o.evidence().fields().containsKey("vendorId"));
    assertEquals("00000000-0000-0000-0000-000000000000", o.evidence().fields().get("objectUuid"));
  }

  @Test
  void acceptsTheCmPortAndPairsOfDynamicPorts() {
    PnioCmDecoder decoder = new PnioCmDecoder();
    assertTrue(decoder.accepts(65151, 34964));
    assertTrue(decoder.accepts(34964, 53));
    assertTrue(decoder.accepts(49152, 65151));
    assertFalse(decoder.accepts(53, 49152));
    assertFalse(decoder.accepts(161, 1025));
    assertEquals("profinet-io-cm", decoder.name());
  }
}
