package io.fieldprint.protocols.lldp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.testing.ClassicPcapFrames;
import io.fieldprint.protocols.testing.SharedData;
import io.fieldprint.protocols.testing.StubLinkContext;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values checked with {@code tshark -r enip_cip_example.pcap -V -Y lldp}. */
class LldpSharedCaptureTest {

  @Test
  void bothLldpFramesOfTheEnipCaptureAreDecoded() throws Exception {
    String file = "icsnpp-enip/enip_cip_example.pcap";
    LldpDecoder decoder = new LldpDecoder();
    List<StubLinkContext> contexts = new ArrayList<>();
    for (ClassicPcapFrames.Frame f : ClassicPcapFrames.read(SharedData.pcap(file))) {
      if (f.etherType() == LldpDecoder.ETHER_TYPE) {
        StubLinkContext ctx = f.context(file);
        decoder.onFrame(ctx, ByteBuffer.wrap(f.payload()));
        contexts.add(ctx);
      }
    }
    assertEquals(2, contexts.size());
    assertEquals("icsnpp-enip/enip_cip_example.pcap#frame=181", contexts.get(0).origin());
    Observation dlink = contexts.get(0).recording().observations.get(0);
    assertEquals(DeviceRef.of("00:21:91:06:f1:66", "208.73.217.142"), dlink.subject());
    assertEquals(Identity.NONE, dlink.identity());
    assertEquals("19", dlink.evidence().fields().get("portId"));
    assertEquals("interface alias", dlink.evidence().fields().get("portIdSubtype"));
    assertEquals(120, dlink.evidence().fields().get("ttl"));

    Observation caldigit = contexts.get(1).recording().observations.get(0);
    assertEquals(DeviceRef.of("64:4b:f0:2b:31:71", null), caldigit.subject());
    assertEquals(3601, caldigit.evidence().fields().get("ttl"));
    List<?> org = (List<?>) caldigit.evidence().fields().get("organizationSpecific");
    assertEquals(3, ((Map<?, ?>) org.get(0)).get("autoNegotiation"));
    assertEquals(1, ((Map<?, ?>) org.get(0)).get("pmdAdvertisedCapability"));
    assertEquals(0, ((Map<?, ?>) org.get(0)).get("operationalMauType"));
    assertEquals(1, ((Map<?, ?>) org.get(1)).get("capabilities"));
    assertEquals(1, ((Map<?, ?>) org.get(1)).get("deviceClass"));
    assertTrue(contexts.get(0).recording().warnings.isEmpty());
    assertTrue(contexts.get(1).recording().warnings.isEmpty());
  }
}
