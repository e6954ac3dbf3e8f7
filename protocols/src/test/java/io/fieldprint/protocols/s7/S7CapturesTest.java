package io.fieldprint.protocols.s7;

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
import org.junit.jupiter.api.Test;

/** The decoder on the shared captures; every value was checked with tshark -V first. */
class S7CapturesTest {
  private final S7CommTcp s7 = new S7CommTcp();

  private RecordingSink replay(String capture) throws IOException {
    return PcapReplay.tcp(SharedData.pcap("iti-ics-security-tools/s7/" + capture), s7);
  }

  @Test
  void readingPlcStatusIdentifiesTheEt200sCpu() throws IOException {
    RecordingSink sink = replay("s7comm_reading_plc_status.pcap");
    List<Observation> modules = sink.bySource("s7comm.szl-module-identification");
    assertEquals(2, modules.size());
    // frame 59: SZL 0x0011 index 0, four records; Ausbg 22019 / Ausbe 518 on index 0x0007
    Observation module = modules.get(1);
    assertEquals("s7comm_reading_plc_status.pcap#frame=59", module.evidence().origin());
    assertEquals("192.168.1.40", module.subject().ip());
    assertEquals(
        Identity.builder()
            .vendor("Siemens")
            .model("6ES7 151-8AB01-0AB0")
            .hardware("3")
            .firmware("V3.2.6")
            .build(),
        module.identity());
    // frames 69 + 72: SZL 0x001c in two parts (data unit reference 6)
    Observation component = sink.bySource("s7comm.szl-component-identification").get(0);
    assertEquals("s7comm_reading_plc_status.pcap#frame=69", component.evidence().origin());
    assertEquals(
        Identity.builder()
            .vendor("Siemens")
            .product("IM151-8 PN/DP CPU")
            .serial("S C-C6TW74882012")
            .name("IM151-8-CPU")
            .role(Role.PLC)
            .build(),
        component.identity());
    Map<String, Object> f = component.evidence().fields();
    assertEquals("MMC 2900FC1A", f.get("memoryCardSerial"));
    assertEquals("0x002a", f.get("manufacturerId"));
    assertEquals("0xf600", f.get("profileId"));
    assertEquals(2, f.get("parts"));
    assertEquals(10, f.get("recordCount"));
    assertTrue(sink.warnings.isEmpty(), sink.warnings::toString);
  }

  @Test
  void blockListSessionsAnnounceTheCpuWithItsTsaps() throws IOException {
    RecordingSink sink = replay("s7comm_program_blocklist_onlineview.pcap");
    List<Observation> servers = sink.bySource("s7comm.server");
    assertTrue(servers.size() >= 5);
    Map<String, Object> f = servers.get(0).evidence().fields();
    // frames 5/6: CR and CC with calling TSAP 0100, called TSAP 0102
    assertEquals("0100", f.get("callingTsap"));
    assertEquals("0102", f.get("calledTsap"));
    assertEquals(2, f.get("slot"));
    Observation module = sink.bySource("s7comm.szl-module-identification").get(0);
    assertEquals("0x0111", module.evidence().fields().get("szlId"));
    assertEquals("6ES7 151-8AB01-0AB0", module.identity().model());
    assertTrue(sink.warnings.isEmpty(), sink.warnings::toString);
  }
}
