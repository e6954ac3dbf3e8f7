package io.fieldprint.protocols.profinet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Role;
import io.fieldprint.protocols.testing.ClassicPcapFrames;
import io.fieldprint.protocols.testing.RecordingSink;
import io.fieldprint.protocols.testing.SharedData;
import io.fieldprint.protocols.testing.StubLinkContext;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values checked with tshark 4.x ({@code tshark -r F -V -Y pn_dcp}) on the shared captures. */
class ProfinetDcpSharedCaptureTest {
  private static final String DIR = "iti-ics-security-tools/profinet/";
  private final ProfinetDcpDecoder decoder = new ProfinetDcpDecoder();

  private List<RecordingSink> decode(String file) throws Exception {
    List<RecordingSink> sinks = new ArrayList<>();
    for (ClassicPcapFrames.Frame f : ClassicPcapFrames.read(SharedData.pcap(DIR + file))) {
      StubLinkContext ctx = f.context(file);
      if (f.etherType() == ProfinetDcpDecoder.ETHER_TYPE) {
        decoder.onFrame(ctx, ByteBuffer.wrap(f.payload()));
      }
      sinks.add(ctx.recording());
    }
    return sinks;
  }

  @Test
  void identifyResponseOfTheScalanceX208NamesVendorNameAndAddress() throws Exception {
    List<RecordingSink> frames = decode("ChangeIPUsingDCP.pcap");
    Observation response = frames.get(1).observations.get(0);
    assertEquals(DeviceRef.of("08:00:06:93:cf:32", "192.168.0.6"), response.subject());
    assertEquals(Authority.DEVICE_REPORTED, response.authority());
    assertEquals(
        Identity.builder().vendor("Siemens").product("INC").name("X208-BORD").role(Role.IO).build(),
        response.identity());
    assertEquals("0x002a", response.evidence().fields().get("vendorId"));
    assertEquals("0x0a01", response.evidence().fields().get("deviceId"));
    assertEquals(13, ((List<?>) response.evidence().fields().get("deviceOptions")).size());
    assertEquals("192.168.0.1", response.evidence().fields().get("gateway"));
    assertTrue(frames.get(1).warnings.isEmpty());
  }

  @Test
  void setRequestAssigningANewAddressIsAHintAboutTheX208() throws Exception {
    List<RecordingSink> frames = decode("ChangeIPUsingDCP.pcap");
    Observation identifyAll = frames.get(0).observations.get(0);
    assertEquals(DeviceRef.of("00:0c:29:ba:09:ea", null), identifyAll.subject());
    assertEquals(Identity.NONE, identifyAll.identity());

    Observation set = frames.get(2).observations.get(0);
    assertEquals(DeviceRef.of("08:00:06:93:cf:32", "192.168.0.10"), set.subject());
    assertEquals(Authority.PEER_REPORTED, set.authority());
    assertEquals("permanent", set.evidence().fields().get("blockQualifier1_2"));

    Observation setOk = frames.get(3).observations.get(0);
    assertEquals("profinet.dcp.set-response", setOk.evidence().source());
    assertEquals(DeviceRef.of("08:00:06:93:cf:32", null), setOk.subject());
  }

  @Test
  void fourteenIdentifyRequestsOnlyShowTheirSendersAsClients() throws Exception {
    List<RecordingSink> frames = decode("PROFINET-RT.pcap");
    assertEquals(14, frames.size());
    for (RecordingSink sink : frames) {
      Observation o = sink.observations.get(0);
      assertEquals(Identity.NONE, o.identity());
      assertFalse(o.evidence().fields().containsKey("nameOfStation"));
    }
    Observation first = frames.get(0).observations.get(0);
    assertEquals(DeviceRef.of("00:1b:1b:02:9a:c3", null), first.subject());
    assertEquals("switch3", first.evidence().fields().get("filterNameOfStation"));
    assertEquals("0x0300bf9a", first.evidence().fields().get("xid"));
  }

  @Test
  void malformedNameOfStationCaptureWarnsAndStillDecodes() throws Exception {
    List<RecordingSink> frames = decode("profinet-wireshark-bug.pcap");
    RecordingSink response = frames.get(1);
    Observation o = response.observations.get(0);
    assertEquals(DeviceRef.of("00:02:e3:17:c7:50", "192.168.0.11"), o.subject());
    assertEquals(
        Identity.builder()
            .vendor("Siemens")
            .product("S7-300EC")
            .name("%n%n%n")
            .role(Role.PLC)
            .build(),
        o.identity());
    assertEquals(0, o.evidence().fields().get("vlanId"));
    List<String> warnings = response.warnings.stream().map(w -> w.message()).toList();
    assertTrue(
        warnings.contains("NameOfStation contains NUL or control bytes"), warnings.toString());
    assertTrue(warnings.stream().anyMatch(w -> w.contains("not a DNS-compatible name")));
    assertFalse(frames.get(2).warnings.isEmpty(), "the Set request repeats the bad name");
    assertEquals(Authority.PEER_REPORTED, frames.get(2).observations.get(0).authority());
  }
}
