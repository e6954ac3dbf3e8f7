package io.fieldprint.protocols.pnio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Role;
import io.fieldprint.protocols.testing.RecordingSink;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decoder on the shared icsnpp PN-IO CM captures; every value was checked first with {@code
 * tshark -V} (fields {@code dcerpc.obj_id}, {@code pn_io.cminitiator_station_name}, {@code
 * pn_io.cminitiator_uuid}, {@code pn_io.cmresponder_macadd}, {@code pn_io.own_chassis_id}, ...).
 * The captures hold no I&amp;M0 record (index 0xAFF0); that path is covered by unit tests only.
 */
class PnioCmCapturesTest {

  private static Observation first(RecordingSink sink, String source, String ip) {
    return sink.bySource(source).stream()
        .filter(o -> ip.equals(o.subject().ip()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + source + " for " + ip));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "profinet_io_cm.pcap",
        "profinet_io_cm_connect.pcapng",
        "profinet_io_cm_connect_minimal.pcapng",
        "profinet_io_cm_control.pcapng",
        "profinet_io_cm_device.pcapng",
        "profinet_io_cm_read.pcapng",
        "profinet_io_cm_release.pcapng",
        "profinet_io_cm_write.pcapng"
      })
  void everySharedCaptureDecodesWithoutWarnings(String capture) throws IOException {
    RecordingSink sink = PnioCaptures.decode(capture);
    assertTrue(sink.warnings.isEmpty(), sink.warnings::toString);
    assertTrue(sink.bySource("profinet.io-cm.server").size() > 0);
  }

  @Test
  void phoenixSoftPlcConnectsToTheVersaMax() throws IOException {
    RecordingSink sink = PnioCaptures.decode("profinet_io_cm_connect_minimal.pcapng");
    // frame 1: ARType 0x0001, CMInitiatorStationName pc-worx-rt-basic-6d-d3-43,
    // CMInitiatorObjectUUID dea00000-6c97-11d1-8271-0001003c00b0, big-endian
    Observation controller = first(sink, "profinet.io-cm.connect-request", "192.168.1.3");
    assertEquals(DeviceRef.of("00:a0:45:6d:d3:43", "192.168.1.3"), controller.subject());
    assertEquals(
        Identity.builder().name("pc-worx-rt-basic-6d-d3-43").role(Role.PLC).build(),
        controller.identity());
    Map<String, Object> f = controller.evidence().fields();
    assertEquals("0x00b0", f.get("cmInitiatorVendorId"));
    assertEquals("0x003c", f.get("cmInitiatorDeviceId"));
    assertEquals("big-endian", f.get("dataRepresentation"));
    // object UUID dea00000-6c97-11d1-8271-00010003015a: the VersaMax DCP reports VendorID 0x015a,
    // DeviceID 0x0003 (iti-ics-security-tools capture, protocols.md 3.5)
    Observation device = first(sink, "profinet.io-cm.request-target", "192.168.1.2");
    assertEquals(Authority.PEER_REPORTED, device.authority());
    assertEquals("0x015a", device.evidence().fields().get("vendorId"));
    assertEquals("0x0003", device.evidence().fields().get("deviceId"));
    List<?> expected = (List<?>) device.evidence().fields().get("expectedModules");
    assertEquals(2, expected.size());
    assertEquals(6, ((List<?>) ((Map<?, ?>) expected.get(0)).get("submodules")).size());
    assertEquals("0xffff8140", ((Map<?, ?>) expected.get(1)).get("moduleIdentNumber"));
    // frame 2: little-endian response, CMResponderMacAdd 00:09:91:43:e0:67
    Observation answer = first(sink, "profinet.io-cm.connect-response", "192.168.1.2");
    assertEquals("00:09:91:43:e0:67", answer.evidence().fields().get("cmResponderMac"));
    Observation server = first(sink, "profinet.io-cm.server", "192.168.1.2");
    assertEquals(Role.IO, server.identity().role());
    assertEquals("little-endian", server.evidence().fields().get("dataRepresentation"));
    assertEquals("0x015a", server.evidence().fields().get("vendorId"));
  }

  @Test
  void pdRealDataNamesTheVersaMaxAndItsSwitchNeighbour() throws IOException {
    RecordingSink sink = PnioCaptures.decode("profinet_io_cm_read.pcapng");
    // frame 4: Read response, index 0xf841: OwnChassisID versamax-pns11, 192.168.1.2/24, port-001
    // peer siemens-x208-switch port-004 (00:0e:8c:ef:75:c5), port-002 without peers
    Observation o = first(sink, "profinet.io-cm.read-response", "192.168.1.2");
    assertEquals("profinet_io_cm_read.pcapng#frame=4", o.evidence().origin());
    assertEquals(Identity.builder().name("versamax-pns11").role(Role.IO).build(), o.identity());
    Map<?, ?> pd = (Map<?, ?>) o.evidence().fields().get("pdInterface");
    assertEquals("00:09:91:43:e0:67", pd.get("mac"));
    assertEquals("255.255.255.0", pd.get("subnetMask"));
    List<?> ports = (List<?>) o.evidence().fields().get("ports");
    assertEquals(2, ports.size());
    Map<?, ?> peer = (Map<?, ?>) ((List<?>) ((Map<?, ?>) ports.get(0)).get("peers")).get(0);
    assertEquals("siemens-x208-switch", peer.get("peerChassisId"));
    assertEquals("port-004", peer.get("peerPortId"));
    assertEquals("00:0e:8c:ef:75:c5", peer.get("peerMac"));
  }

  @Test
  void iAndM0FilterDataListsTheDeviceSubmodules() throws IOException {
    RecordingSink sink = PnioCaptures.decode("profinet_io_cm_read.pcapng");
    // frame 2: 10.10.0.129 lists slot 0 (module 0x1) subslots 1 and 3, slot 1 (0xffff8140)
    Map<?, ?> filter =
        (Map<?, ?>)
            first(sink, "profinet.io-cm.read-response", "10.10.0.129")
                .evidence()
                .fields()
                .get("im0FilterData");
    assertEquals(3, ((List<?>) filter.get("submodules")).size());
    assertEquals(
        "0xffff8140",
        ((Map<?, ?>) ((List<?>) filter.get("modules")).get(0)).get("moduleIdentNumber"));
    // frame 14: 192.168.0.50 represents the device by slot 0 module 0x000fc700 subslot 1
    Map<?, ?> siemens =
        (Map<?, ?>)
            first(sink, "profinet.io-cm.read-response", "192.168.0.50")
                .evidence()
                .fields()
                .get("im0FilterData");
    Map<?, ?> device = (Map<?, ?>) ((List<?>) siemens.get("device")).get(0);
    assertEquals("0x000fc700", device.get("moduleIdentNumber"));
    assertEquals("0x0001", device.get("subslot"));
  }

  @Test
  void mixedCaptureNamesEveryConnectingController() throws IOException {
    RecordingSink sink = PnioCaptures.decode("profinet_io_cm.pcap");
    TreeMap<String, TreeSet<String>> names = new TreeMap<>();
    for (Observation o : sink.bySource("profinet.io-cm.connect-request")) {
      assertEquals(Role.PLC, o.identity().role()); // all ARType 0x0001/0x0010/0x0020
      names.computeIfAbsent(o.identity().name(), k -> new TreeSet<>()).add(o.subject().ip());
    }
    assertEquals(
        Map.of(
            "controller", set("10.9.0.110", "172.16.240.66", "192.168.2.1"),
            "pc-worx-rt-basic-6d-d3-43", set("192.168.1.3"),
            "plcxb1d0ed", set("192.168.0.1", "192.168.99.200"),
            "plcxb4d32d", set("192.168.0.3"),
            "plcxbkontr74b7", set("192.168.1.11"),
            "pn-io", set("192.168.0.2", "192.168.0.252", "192.168.9.120"),
            "pn-io-1", set("192.168.1.12"),
            "softwareplcxb3ec19", set("192.168.0.17"),
            "xd1211c700", set("140.140.60.210")),
        names);
  }

  @Test
  void mixedCaptureAttributesObjectUuidIdsToTheirServers() throws IOException {
    RecordingSink sink = PnioCaptures.decode("profinet_io_cm.pcap");
    // WAGO (MAC OUI 00:30:de) answers for dea00000-6c97-11d1-8271-000102ee011d
    Observation wago = first(sink, "profinet.io-cm.server", "192.168.2.20");
    assertEquals("00:30:de:06:82:5f", wago.subject().mac());
    assertEquals(Identity.builder().vendor("WAGO").role(Role.IO).build(), wago.identity());
    assertEquals("0x02ee", wago.evidence().fields().get("deviceId"));
    // a p-net device on a Raspberry Pi: ...-000100020493 (RT-Labs, DeviceID 2)
    Observation pnet = first(sink, "profinet.io-cm.server", "10.9.0.117");
    assertEquals("b8:27:eb:95:26:6f", pnet.subject().mac());
    assertEquals("RT-Labs", pnet.identity().vendor());
    // frame 27, little-endian header: Connect to ...-000000fe002a (Siemens DeviceID 0x00fe)
    Observation target = first(sink, "profinet.io-cm.request-target", "192.168.0.4");
    assertEquals("little-endian", target.evidence().fields().get("dataRepresentation"));
    assertEquals("0x00fe", target.evidence().fields().get("deviceId"));
    assertEquals("Siemens", target.identity().vendor());
    // frame 9: the VersaMax calls the Phoenix controller interface (ApplicationReady)
    Observation app = first(sink, "profinet.io-cm.client", "192.168.1.2");
    assertEquals(Role.IO, app.identity().role());
    assertEquals("controller", app.evidence().fields().get("interface"));
    assertEquals(
        "0x00b0",
        first(sink, "profinet.io-cm.server", "192.168.1.3").evidence().fields().get("vendorId"));
  }

  private static TreeSet<String> set(String... ips) {
    return new TreeSet<>(List.of(ips));
  }
}
