package io.fieldprint.protocols.profinet;

import static io.fieldprint.protocols.profinet.DcpFrames.ascii;
import static io.fieldprint.protocols.profinet.DcpFrames.block;
import static io.fieldprint.protocols.profinet.DcpFrames.bytes;
import static io.fieldprint.protocols.profinet.DcpFrames.pdu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Role;
import io.fieldprint.protocols.testing.StubLinkContext;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProfinetDcpDecoderTest {
  private static final String DEVICE = "00:09:91:43:e0:67";
  private static final String CLIENT = "00:0c:29:ba:09:ea";
  private static final String MULTICAST = "01:0e:cf:00:00:00";

  private final ProfinetDcpDecoder decoder = new ProfinetDcpDecoder();

  private StubLinkContext run(String src, String dst, byte[] pdu) {
    StubLinkContext ctx = StubLinkContext.of(src, dst);
    decoder.onFrame(ctx, ByteBuffer.wrap(pdu));
    return ctx;
  }

  @Test
  void identifyResponseDescribesItsSenderWithEveryDeviceBlock() {
    StubLinkContext ctx = run(DEVICE, CLIENT, DcpFrames.identifyResponse());
    Observation o = ctx.recording().observations.get(0);
    assertEquals(DeviceRef.of(DEVICE, "192.168.1.2"), o.subject());
    assertEquals(Authority.DEVICE_REPORTED, o.authority());
    assertEquals("profinet", o.protocol());
    assertEquals(
        Identity.builder()
            .vendor("Siemens")
            .product("IC200PNS001")
            .name("versamax-pns11")
            .role(Role.IO)
            .build(),
        o.identity());
    Map<String, Object> f = o.evidence().fields();
    assertEquals("profinet.dcp.identify-response", o.evidence().source());
    assertEquals("0xfeff", f.get("frameId"));
    assertEquals("0x01000001", f.get("xid"));
    assertEquals("IC200PNS001", f.get("deviceVendorValue"));
    assertEquals("versamax-pns11", f.get("nameOfStation"));
    assertEquals("0x002a", f.get("vendorId"));
    assertEquals("0x0a01", f.get("deviceId"));
    assertEquals(1, f.get("deviceRole"));
    assertEquals(List.of("IO-Device"), f.get("deviceRoleNames"));
    assertEquals("192.168.1.2", f.get("ip"));
    assertEquals("255.255.255.0", f.get("subnetMask"));
    assertEquals("192.168.1.1", f.get("gateway"));
    assertEquals("IP set", f.get("ipBlockInfo"));
    assertEquals(false, f.get("ipConflict"));
    assertEquals(DEVICE, f.get("mac"));
    assertEquals("port-001.switch1", f.get("aliasName"));
    assertEquals("0.100", f.get("deviceInstance"));
    assertEquals("0x011d", f.get("oemVendorId"));
    assertEquals("0x0042", f.get("oemDeviceId"));
    assertEquals(0x3f, f.get("rsiProperties"));
    assertEquals(List.of("1/1", "1/2", "2/1", "2/2", "2/3", "2/4"), f.get("deviceOptions"));
    assertEquals(List.of(Map.of("option", 61, "value", "3d0101")), f.get("dhcp"));
    assertEquals(
        List.of(Map.of("block", "128/7", "name", "manufacturer specific 128/7", "value", "dead")),
        f.get("otherBlocks"));
    assertTrue(ctx.recording().warnings.isEmpty(), ctx.recording().warnings.toString());
  }

  @Test
  void ipNotSetOrZeroStaysOutOfTheSubjectAndConflictIsFlagged() {
    byte[] notSet =
        pdu(0xFEFF, 5, 1, 0, block(1, 2, 0x80, bytes(10, 0, 0, 5, 255, 0, 0, 0, 0, 0, 0, 0)));
    Observation o = run(DEVICE, CLIENT, notSet).recording().observations.get(0);
    assertEquals(DeviceRef.of(DEVICE, null), o.subject());
    assertEquals(
        "IP not set (address conflict detected)", o.evidence().fields().get("ipBlockInfo"));
    assertEquals(true, o.evidence().fields().get("ipConflict"));

    byte[] zero = pdu(0xFEFF, 5, 1, 0, block(1, 2, 1, new byte[12]));
    assertNull(run(DEVICE, CLIENT, zero).recording().observations.get(0).subject().ip());
  }

  @Test
  void fullIpSuiteGivesAddressAndDnsServers() {
    byte[] suite =
        pdu(
            0xFEFF,
            5,
            1,
            0,
            block(
                1,
                3,
                2,
                bytes(
                    10, 1, 1, 9, 255, 255, 0, 0, 10, 1, 0, 1, 8, 8, 8, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                    0, 0, 0)));
    Observation o = run(DEVICE, CLIENT, suite).recording().observations.get(0);
    assertEquals("10.1.1.9", o.subject().ip());
    assertEquals("IP set by DHCP", o.evidence().fields().get("ipBlockInfo"));
    assertEquals(
        List.of("8.8.8.8", "0.0.0.0", "0.0.0.0", "0.0.0.0"),
        o.evidence().fields().get("dnsServers"));
  }

  @Test
  void identifyRequestFilterNeverNamesTheSender() {
    byte[] request = pdu(0xFEFE, 5, 0, 1, block(2, 2, -1, ascii("switch3")));
    StubLinkContext ctx = run(CLIENT, MULTICAST, request);
    Observation o = ctx.recording().observations.get(0);
    assertEquals(DeviceRef.of(CLIENT, null), o.subject());
    assertEquals(Identity.NONE, o.identity());
    assertEquals("profinet.dcp.identify-request", o.evidence().source());
    assertEquals("switch3", o.evidence().fields().get("filterNameOfStation"));
    assertFalse(o.evidence().fields().containsKey("nameOfStation"));
    assertEquals(1, o.evidence().fields().get("responseDelay"));
    assertEquals(1, ctx.recording().observations.size());
  }

  @Test
  void identifyAllRequestRecordsTheSelector() {
    byte[] request = pdu(0xFEFE, 5, 0, 1, block(0xFF, 0xFF, -1, new byte[0]));
    Observation o = run(CLIENT, MULTICAST, request).recording().observations.get(0);
    assertEquals(true, o.evidence().fields().get("filterAllSelector"));
  }

  @Test
  void setRequestIsAPeerHintAboutTheDestinationNotTheSender() {
    byte[] set =
        pdu(
            0xFEFD,
            4,
            0,
            0,
            block(1, 2, 1, bytes(192, 168, 0, 10, 255, 255, 255, 0, 192, 168, 0, 1)),
            block(2, 2, 0, ascii("new-name")),
            block(5, 2, 0, new byte[0]));
    Observation o = run(CLIENT, DEVICE, set).recording().observations.get(0);
    assertEquals(DeviceRef.of(DEVICE, "192.168.0.10"), o.subject());
    assertEquals(Authority.PEER_REPORTED, o.authority());
    assertEquals(Identity.builder().name("new-name").build(), o.identity());
    assertEquals("profinet.dcp.set-request", o.evidence().source());
    assertEquals("permanent", o.evidence().fields().get("blockQualifier1_2"));
    assertEquals("temporary", o.evidence().fields().get("blockQualifier2_2"));
    assertEquals(
        List.of(Map.of("operation", "end transaction", "blockQualifier", 0)),
        o.evidence().fields().get("control"));
  }

  @Test
  void setResponseRecordsBlockErrorsAsPresenceOfTheDevice() {
    byte[] response = pdu(0xFEFD, 4, 1, 0, block(5, 4, -1, bytes(1, 2, 5)));
    Observation o = run(DEVICE, CLIENT, response).recording().observations.get(0);
    assertEquals(DeviceRef.of(DEVICE, null), o.subject());
    assertEquals(Identity.NONE, o.identity());
    assertEquals(
        List.of(
            Map.of(
                "operation",
                "response",
                "for",
                "IP parameter",
                "blockError",
                "set not possible by local reasons")),
        o.evidence().fields().get("control"));
  }

  @Test
  void helloAndGetResponseDescribeTheirSender() {
    byte[] hello = pdu(0xFEFC, 6, 0, 0, block(2, 2, 0, ascii("io-1")), block(2, 4, 0, bytes(2, 0)));
    Observation h = run(DEVICE, MULTICAST, hello).recording().observations.get(0);
    assertEquals("profinet.dcp.hello-request", h.evidence().source());
    assertEquals(Identity.builder().name("io-1").role(Role.PLC).build(), h.identity());
    assertEquals(Authority.DEVICE_REPORTED, h.authority());

    byte[] get = pdu(0xFEFD, 3, 1, 0, block(2, 1, 0, ascii("ET 200SP")));
    Observation g = run(DEVICE, CLIENT, get).recording().observations.get(0);
    assertEquals("profinet.dcp.get-response", g.evidence().source());
    assertEquals("ET 200SP", g.identity().product());
  }

  @Test
  void getRequestSelectorsAreKeptWithoutClaims() {
    byte[] get = pdu(0xFEFD, 3, 0, 0, bytes(2, 2, 1, 2));
    Observation o = run(CLIENT, DEVICE, get).recording().observations.get(0);
    assertEquals(DeviceRef.of(CLIENT, null), o.subject());
    assertEquals(List.of("2/2", "1/2"), o.evidence().fields().get("deviceOptions"));
  }

  @Test
  void deviceRoleBitsMapToRoles() {
    assertEquals(Role.IO, ProfinetDcpDecoder.role(0x01));
    assertEquals(Role.PLC, ProfinetDcpDecoder.role(0x02));
    assertEquals(Role.PLC, ProfinetDcpDecoder.role(0x03));
    assertEquals(Role.IO, ProfinetDcpDecoder.role(0x04 | 0x01));
    assertEquals(Role.ENGINEERING, ProfinetDcpDecoder.role(0x08));
    assertNull(ProfinetDcpDecoder.role(0x00));
    assertNull(ProfinetDcpDecoder.role(-1));
  }

  @Test
  void cyclicRealTimeFramesAreSkippedSilently() {
    StubLinkContext ctx = run(DEVICE, CLIENT, bytes(0x80, 0x00, 1, 2, 3, 4));
    assertTrue(ctx.recording().observations.isEmpty());
    assertTrue(ctx.recording().warnings.isEmpty());
  }

  @Test
  void overClaimingLengthsWarnAndKeepTheBlocksBeforeThem() {
    byte[] frame = DcpFrames.identifyResponse();
    ByteBuffer.wrap(frame).putShort(10, (short) 2000);
    StubLinkContext ctx = run(DEVICE, CLIENT, frame);
    assertTrue(ctx.recording().warnings.get(0).message().contains("DCPDataLength 2000"));
    assertEquals("versamax-pns11", ctx.recording().observations.get(0).identity().name());

    byte[] block =
        pdu(0xFEFF, 5, 1, 0, block(2, 2, 0, ascii("ok-name")), bytes(2, 1, 0x7f, 0xff, 0, 0));
    StubLinkContext c2 = run(DEVICE, CLIENT, block);
    assertEquals("ok-name", c2.recording().observations.get(0).identity().name());
    assertTrue(c2.recording().warnings.get(0).message().contains("claims 32767 bytes"));
  }

  @Test
  void shortValuesAndBadNamesAreReported() {
    byte[] frame =
        pdu(0xFEFF, 5, 1, 0, block(2, 3, 0, bytes(0, 0x2a)), block(2, 2, 0, ascii("Bad_Name\0\0")));
    StubLinkContext ctx = run(DEVICE, CLIENT, frame);
    List<String> messages = ctx.recording().warnings.stream().map(w -> w.message()).toList();
    assertTrue(messages.get(0).contains("needs 4"), messages.toString());
    assertTrue(
        messages.contains("NameOfStation contains NUL or control bytes"), messages.toString());
    assertTrue(messages.get(2).contains("not a DNS-compatible name"), messages.toString());
    assertEquals("Bad_Name", ctx.recording().observations.get(0).identity().name());
  }

  @Test
  void truncationAtEveryLengthNeverThrowsAndShortHeadersWarn() {
    byte[] full = DcpFrames.identifyResponse();
    for (int n = 0; n <= full.length; n++) {
      StubLinkContext ctx = run(DEVICE, CLIENT, java.util.Arrays.copyOf(full, n));
      if (n < 12) {
        assertEquals(1, ctx.recording().warnings.size(), "length " + n);
        assertTrue(ctx.recording().observations.isEmpty());
      } else if (n < full.length) {
        assertFalse(ctx.recording().warnings.isEmpty(), "length " + n);
      }
    }
  }

  @Test
  void seededMutationNeverThrows() {
    Random random = new Random(8892);
    byte[][] seeds = {
      DcpFrames.identifyResponse(),
      pdu(0xFEFD, 4, 0, 0, block(1, 2, 1, new byte[12]), block(5, 2, 0, new byte[0])),
      pdu(0xFEFE, 5, 0, 1, block(2, 2, -1, ascii("switch3")))
    };
    for (int i = 0; i < 5000; i++) {
      byte[] frame = seeds[i % seeds.length].clone();
      int flips = 1 + random.nextInt(6);
      for (int f = 0; f < flips; f++) {
        frame[random.nextInt(frame.length)] = (byte) random.nextInt(256);
      }
      ByteBuffer buffer = ByteBuffer.wrap(frame, 0, random.nextInt(frame.length + 1));
      decoder.onFrame(StubLinkContext.of(DEVICE, CLIENT), buffer.slice());
    }
  }
}
