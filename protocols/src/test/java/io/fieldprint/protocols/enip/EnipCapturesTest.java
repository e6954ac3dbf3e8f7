package io.fieldprint.protocols.enip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Role;
import io.fieldprint.protocols.replay.PcapReplay;
import io.fieldprint.protocols.testing.RecordingSink;
import io.fieldprint.protocols.testing.SharedData;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The decoder on the shared captures; every value was checked with tshark first. */
class EnipCapturesTest {
  private final EtherNetIpTcp enip = new EtherNetIpTcp();

  @Test
  void icsnppExampleListIdentity() throws IOException {
    RecordingSink sink = PcapReplay.tcp(SharedData.pcap("icsnpp-enip/enip_cip_example.pcap"), enip);
    List<Observation> found = sink.bySource("enip.list-identity");
    assertEquals(1, found.size());
    Observation o = found.get(0);
    // tshark frame 372: vendor 1, device type 12, product code 58, revision 4.03, status 0x0030,
    // serial 0x00524d8e, product name 1756-ENBT/A, state 0x03, sin_addr 10.1.1.164
    assertEquals("10.1.1.164", o.subject().ip());
    assertEquals("enip_cip_example.pcap#frame=372", o.evidence().origin());
    assertEquals(
        Identity.builder()
            .vendor("Rockwell Automation/Allen-Bradley")
            .product("1756-ENBT/A")
            .model("1756-ENBT")
            .hardware("Series A")
            .firmware("4.03")
            .serial("0x00524d8e")
            .role(Role.IO)
            .build(),
        o.identity());
    Map<String, Object> f = o.evidence().fields();
    assertEquals(58, f.get("productCode"));
    assertEquals("0x0030", f.get("status"));
    assertEquals(3, f.get("state"));
    assertEquals("10.1.1.164", f.get("socketAddress"));
    assertEquals(false, f.get("socketAddressDiffers"));
    assertTrue(sink.warnings.isEmpty(), sink.warnings::toString);
  }

  @Test
  void connectedMessagingCaptureShowsServersAndTheirClient() throws IOException {
    RecordingSink sink =
        PcapReplay.tcp(
            SharedData.pcap("iti-ics-security-tools/ethernetip/EthernetIP-CIP.pcap"), enip);
    TreeSet<String> servers = new TreeSet<>();
    sink.bySource("enip.server").forEach(o -> servers.add(o.subject().ip()));
    // tshark: four targets answer on 44818, all polled by 141.81.0.10
    assertEquals(
        new TreeSet<>(List.of("141.81.0.23", "141.81.0.43", "141.81.0.63", "141.81.0.83")),
        servers);
    assertTrue(
        sink.bySource("enip.client").stream()
            .allMatch(o -> o.subject().ip().equals("141.81.0.10")));
    assertTrue(sink.bySource("enip.list-identity").isEmpty());
    assertTrue(sink.warnings.isEmpty(), sink.warnings::toString);
  }
}
