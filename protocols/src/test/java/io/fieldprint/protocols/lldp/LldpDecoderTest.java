package io.fieldprint.protocols.lldp;

import static io.fieldprint.protocols.lldp.LldpFrames.bytes;
import static io.fieldprint.protocols.lldp.LldpFrames.concat;
import static io.fieldprint.protocols.lldp.LldpFrames.lldpdu;
import static io.fieldprint.protocols.lldp.LldpFrames.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.decode.AddressText;
import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Role;
import io.fieldprint.protocols.testing.StubLinkContext;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LldpDecoderTest {
  private static final String PORT_MAC = "00:1b:1b:aa:bb:02";
  private static final String LLDP_MULTICAST = "01:80:c2:00:00:0e";
  private final LldpDecoder decoder = new LldpDecoder();

  private StubLinkContext run(byte[] du) {
    StubLinkContext ctx = StubLinkContext.of(PORT_MAC, LLDP_MULTICAST);
    decoder.onFrame(ctx, ByteBuffer.wrap(du));
    return ctx;
  }

  static byte[] switchLldpdu() {
    return lldpdu()
        .tlv(1, bytes(4, 0x00, 0x1b, 0x1b, 0xaa, 0xbb, 0x01))
        .tlv(2, concat(bytes(5), text("P0.2")))
        .tlv(3, bytes(0, 20))
        .tlv(4, "Siemens, SIMATIC NET, Ethernet Port, X1 P2")
        .tlv(5, "cell-switch-7")
        .tlv(
            6,
            "Siemens, SIMATIC NET, SCALANCE XC208, 6GK5 208-0BA00-2AC2, HW: Version 1, FW: Version V04.02.01, SVPJ3139157")
        .tlv(7, bytes(0x00, 0x04, 0x00, 0x04))
        .tlv(8, bytes(5, 1, 192, 168, 0, 99, 2, 0, 0, 0, 1, 8, 0x2b, 6, 1, 4, 1, 0xa1, 0x44, 1))
        .tlv(
            8,
            concat(
                bytes(17, 2),
                bytes(0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1),
                bytes(1, 0, 0, 0, 0, 0)))
        .tlv(8, bytes(7, 6, 0x00, 0x1b, 0x1b, 0xaa, 0xbb, 0x01, 3, 0, 0, 0, 2, 0))
        .org(0x0080C2, 1, bytes(0, 10))
        .org(0x0080C2, 2, bytes(6, 0, 20))
        .org(0x0080C2, 3, concat(bytes(0, 10, 4), text("cell")))
        .org(0x00120F, 1, bytes(3, 0x6c, 0x00, 0x00, 0x10))
        .org(0x00120F, 4, bytes(0x05, 0xf2))
        .org(0x0012BB, 1, bytes(0x00, 0x21, 4))
        .org(0x0012BB, 5, text("HW 3"))
        .org(0x0012BB, 6, text("V04.02.01"))
        .org(0x0012BB, 7, text("SW 1"))
        .org(0x0012BB, 8, text("SVPJ3139157"))
        .org(0x0012BB, 9, text("Siemens AG"))
        .org(0x0012BB, 10, text("XC208"))
        .org(0x0012BB, 11, text("asset-42"))
        .org(0x000ECF, 1, bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x10))
        .org(0x000ECF, 2, bytes(0, 0, 0, 0))
        .org(0x000ECF, 5, bytes(0x00, 0x1b, 0x1b, 0xaa, 0xbb, 0x00))
        .org(0x000ECF, 7, bytes(0, 1))
        .org(0x00000C, 1, bytes(0xab))
        .end();
  }

  @Test
  void switchLldpduDescribesItsSenderWithEveryTlv() {
    StubLinkContext ctx = run(switchLldpdu());
    assertTrue(ctx.recording().warnings.isEmpty(), ctx.recording().warnings.toString());
    Observation o = ctx.recording().observations.get(0);
    assertEquals(DeviceRef.of("00:1b:1b:aa:bb:01", "192.168.0.99"), o.subject());
    assertEquals(Authority.DEVICE_REPORTED, o.authority());
    assertEquals(
        Identity.builder()
            .vendor("Siemens")
            .product("SCALANCE XC208")
            .model("6GK5 208-0BA00-2AC2")
            .firmware("V04.02.01")
            .hardware("1")
            .serial("SVPJ3139157")
            .name("cell-switch-7")
            .role(Role.SWITCH)
            .build(),
        o.identity());
    Map<String, Object> f = o.evidence().fields();
    assertEquals("lldp.lldpdu", o.evidence().source());
    assertEquals(PORT_MAC, f.get("sourceMac"));
    assertEquals("00:1b:1b:aa:bb:01", f.get("chassisId"));
    assertEquals("MAC address", f.get("chassisIdSubtype"));
    assertEquals("P0.2", f.get("portId"));
    assertEquals("interface name", f.get("portIdSubtype"));
    assertEquals(20, f.get("ttl"));
    assertEquals("Siemens, SIMATIC NET, Ethernet Port, X1 P2", f.get("portDescription"));
    assertEquals(List.of("bridge"), f.get("systemCapabilities"));
    assertEquals(List.of("bridge"), f.get("enabledCapabilities"));
    List<?> mgmt = (List<?>) f.get("managementAddresses");
    assertEquals(
        Map.of(
            "family",
            1,
            "address",
            "192.168.0.99",
            "interfaceNumbering",
            2,
            "interfaceNumber",
            1L,
            "oid",
            "1.3.6.1.4.1.4292.1"),
        mgmt.get(0));
    assertEquals("fe80::1", ((Map<?, ?>) mgmt.get(1)).get("address"));
    assertEquals("00:1b:1b:aa:bb:01", ((Map<?, ?>) mgmt.get(2)).get("address"));
    List<?> org = (List<?>) f.get("organizationSpecific");
    assertEquals(10, ((Map<?, ?>) org.get(0)).get("portVlanId"));
    assertEquals(20, ((Map<?, ?>) org.get(1)).get("vlanId"));
    assertEquals("cell", ((Map<?, ?>) org.get(2)).get("vlanName"));
    assertEquals(0x10, ((Map<?, ?>) org.get(3)).get("operationalMauType"));
    assertEquals(1522, ((Map<?, ?>) org.get(4)).get("maxFrameSize"));
    assertEquals(4, ((Map<?, ?>) org.get(5)).get("deviceClass"));
    assertEquals("asset-42", ((Map<?, ?>) org.get(12)).get("assetId"));
    assertEquals(528L, ((Map<?, ?>) org.get(13)).get("cableDelayLocal"));
    assertEquals(0, ((Map<?, ?>) org.get(14)).get("rtClass3PortStatus"));
    assertEquals("00:1b:1b:aa:bb:00", ((Map<?, ?>) org.get(15)).get("chassisMac"));
    assertEquals(1, ((Map<?, ?>) org.get(16)).get("mauTypeExtension"));
    assertEquals(Map.of("oui", "00-00-0c", "subtype", 1, "value", "ab"), org.get(17));
  }

  @Test
  void lldpMedInventoryFillsWhatTheDescriptionDoesNotSay() {
    byte[] du =
        lldpdu()
            .tlv(1, bytes(4, 0x00, 0x1b, 0x1b, 0xaa, 0xbb, 0x01))
            .tlv(2, concat(bytes(7), text("1")))
            .tlv(3, bytes(0, 20))
            .tlv(6, "some unknown device")
            .org(0x0012BB, 5, text("B"))
            .org(0x0012BB, 7, text("2.4.1"))
            .org(0x0012BB, 8, text("SN123"))
            .org(0x0012BB, 9, text("ACME Controls"))
            .org(0x0012BB, 10, text("RTU-9"))
            .end();
    assertEquals(
        Identity.builder()
            .vendor("ACME Controls")
            .model("RTU-9")
            .firmware("2.4.1")
            .hardware("B")
            .serial("SN123")
            .build(),
        run(du).recording().observations.get(0).identity());
  }

  @Test
  void profinetDeviceIsNamedByItsLocallyAssignedChassisId() {
    byte[] du =
        lldpdu()
            .tlv(1, concat(bytes(7), text("versamax-pns11")))
            .tlv(2, concat(bytes(7), text("port-001")))
            .tlv(3, bytes(0, 20))
            .tlv(7, bytes(0x00, 0x84, 0x00, 0x84))
            .tlv(8, bytes(5, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0))
            .end();
    Observation o = run(du).recording().observations.get(0);
    assertEquals(DeviceRef.of(PORT_MAC, null), o.subject());
    assertEquals(Identity.builder().name("versamax-pns11").build(), o.identity());
    assertEquals("locally assigned", o.evidence().fields().get("chassisIdSubtype"));
    assertEquals(
        List.of("bridge", "station only"), o.evidence().fields().get("systemCapabilities"));
  }

  @Test
  void capabilitiesGiveRouterAndSwitchButNotEndStations() {
    assertEquals(Role.ROUTER, new SystemCapabilities(0x14, 0x14).role());
    assertEquals(Role.SWITCH, new SystemCapabilities(0x04, 0x04).role());
    assertNull(new SystemCapabilities(0x04, 0x00).role());
    assertNull(new SystemCapabilities(0x84, 0x84).role());
    assertNull(new SystemCapabilities(0x80, 0x80).role());
    assertEquals(
        List.of(
            "other",
            "repeater",
            "WLAN access point",
            "telephone",
            "DOCSIS cable device",
            "C-VLAN component",
            "S-VLAN component",
            "two-port MAC relay",
            "bit 15"),
        SystemCapabilities.names(0x876B));
  }

  @Test
  void everyChassisAndPortIdSubtypeIsFormatted() {
    ByteBuffer mac = ByteBuffer.wrap(bytes(4, 0, 0x0e, 0x8c, 1, 2, 3));
    assertEquals("00:0e:8c:01:02:03", LldpId.chassis(mac, 0, 7).value());
    ByteBuffer v4 = ByteBuffer.wrap(bytes(5, 1, 10, 0, 0, 1));
    assertEquals("ipv4:10.0.0.1", LldpId.chassis(v4, 0, 6).value());
    ByteBuffer v4port = ByteBuffer.wrap(bytes(4, 1, 10, 0, 0, 1));
    assertEquals("ipv4:10.0.0.1", LldpId.port(v4port, 0, 6).value());
    ByteBuffer odd = ByteBuffer.wrap(bytes(4, 9, 9));
    assertEquals("0909", LldpId.chassis(odd, 0, 3).value());
    ByteBuffer reserved = ByteBuffer.wrap(bytes(9, 1, 2));
    assertEquals("reserved 9", LldpId.chassis(reserved, 0, 3).subtypeName());
    String[] chassisNames = {
      "chassis component",
      "interface alias",
      "port component",
      "MAC address",
      "network address",
      "interface name",
      "locally assigned"
    };
    String[] portNames = {
      "interface alias",
      "port component",
      "MAC address",
      "network address",
      "interface name",
      "agent circuit id",
      "locally assigned"
    };
    for (int s = 1; s <= 7; s++) {
      ByteBuffer b = ByteBuffer.wrap(concat(bytes(s), text("eth0")));
      assertEquals(chassisNames[s - 1], LldpId.chassis(b, 0, 5).subtypeName());
      assertEquals(portNames[s - 1], LldpId.port(b, 0, 5).subtypeName());
    }
    assertEquals(
        "eth0", LldpId.port(ByteBuffer.wrap(concat(bytes(6), text("eth0"))), 0, 5).value());
  }

  @Test
  void ipv6FollowsRfc5952() {
    assertEquals("2001:db8::1", v6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1));
    assertEquals("2001:db8:0:1:1:1:1:1", v6(0x2001, 0xdb8, 0, 1, 1, 1, 1, 1));
    assertEquals("::", v6(0, 0, 0, 0, 0, 0, 0, 0));
    assertEquals("1::", v6(1, 0, 0, 0, 0, 0, 0, 0));
    assertEquals("2001:0:0:1::1", v6(0x2001, 0, 0, 1, 0, 0, 0, 1));
  }

  private static String v6(int... groups) {
    ByteBuffer b = ByteBuffer.allocate(16);
    for (int g : groups) {
      b.putShort((short) g);
    }
    return AddressText.ipv6(b, 0);
  }

  @Test
  void overClaimingAndShortTlvsWarnWithoutReadingPastTheData() {
    byte[] du = switchLldpdu();
    byte[] cut = Arrays.copyOf(du, 40);
    StubLinkContext ctx = run(cut);
    assertTrue(ctx.recording().warnings.get(0).message().contains("claims"));
    assertEquals("00:1b:1b:aa:bb:01", ctx.recording().observations.get(0).subject().mac());

    byte[] bad =
        lldpdu()
            .tlv(1, bytes(4))
            .tlv(3, bytes(1))
            .tlv(7, bytes(0))
            .tlv(8, bytes(40, 1))
            .org(0x0080C2, 1, bytes(1))
            .end();
    List<String> messages = run(bad).recording().warnings.stream().map(w -> w.message()).toList();
    assertTrue(messages.contains("Chassis ID TLV of 1 bytes"), messages.toString());
    assertTrue(messages.contains("TTL TLV of 1 bytes"), messages.toString());
    assertTrue(messages.stream().anyMatch(m -> m.startsWith("Management Address TLV")));
    assertTrue(messages.stream().anyMatch(m -> m.contains("too short")));
    assertTrue(messages.contains("no Port ID TLV"), messages.toString());
  }

  @Test
  void truncationAtEveryLengthNeverThrows() {
    byte[] du = switchLldpdu();
    for (int n = 0; n <= du.length; n++) {
      StubLinkContext ctx = run(Arrays.copyOf(du, n));
      if (n < du.length - 2) {
        assertFalse(ctx.recording().warnings.isEmpty(), "length " + n);
      }
    }
  }

  @Test
  void seededMutationNeverThrows() {
    Random random = new Random(0x88CC);
    byte[] seed = switchLldpdu();
    for (int i = 0; i < 5000; i++) {
      byte[] du = seed.clone();
      for (int f = 1 + random.nextInt(8); f > 0; f--) {
        du[random.nextInt(du.length)] = (byte) random.nextInt(256);
      }
      decoder.onFrame(
          StubLinkContext.of(PORT_MAC, LLDP_MULTICAST),
          ByteBuffer.wrap(du, 0, random.nextInt(du.length + 1)).slice());
    }
  }
}
