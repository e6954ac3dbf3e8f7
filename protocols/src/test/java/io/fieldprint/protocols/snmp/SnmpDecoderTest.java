package io.fieldprint.protocols.snmp;

import static io.fieldprint.protocols.snmp.Ber.integer;
import static io.fieldprint.protocols.snmp.Ber.message;
import static io.fieldprint.protocols.snmp.Ber.octets;
import static io.fieldprint.protocols.snmp.Ber.oid;
import static io.fieldprint.protocols.snmp.Ber.raw;
import static io.fieldprint.protocols.snmp.Ber.seq;
import static io.fieldprint.protocols.snmp.Ber.tlv;
import static io.fieldprint.protocols.snmp.Ber.unsigned;
import static io.fieldprint.protocols.snmp.Ber.varBind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.decode.Endpoint;
import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Finding;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Role;
import io.fieldprint.protocols.model.Severity;
import io.fieldprint.protocols.testing.StubDatagramContext;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SnmpDecoderTest {
  private static final Endpoint AGENT = new Endpoint("00:80:63:01:02:03", "10.0.0.5", 161);
  private static final Endpoint MANAGER = new Endpoint("00:0c:29:ba:09:ea", "10.0.0.1", 50000);
  private static final Endpoint TRAP_SINK = new Endpoint("00:0c:29:ba:09:ea", "10.0.0.1", 162);
  private static final Endpoint AGENT_EPHEMERAL =
      new Endpoint("00:80:63:01:02:03", "10.0.0.5", 40000);

  private final SnmpDecoder decoder = new SnmpDecoder();

  private StubDatagramContext send(SnmpDecoder d, Endpoint from, Endpoint to, byte[] datagram) {
    StubDatagramContext ctx = StubDatagramContext.of(from, to);
    d.onDatagram(ctx, ByteBuffer.wrap(datagram));
    return ctx;
  }

  static byte[] systemGroupResponse(String community) {
    return message(
        1,
        community,
        0xA2,
        varBind("1.3.6.1.2.1.1.1.0", octets("Hirschmann BOBCAT - SW: HiOS-2A-10.0.00")),
        varBind("1.3.6.1.2.1.1.2.0", oid("1.3.6.1.4.1.248.11.10.1")),
        varBind("1.3.6.1.2.1.1.3.0", unsigned(0x43, 8_640_000)),
        varBind("1.3.6.1.2.1.1.4.0", octets("ot-team@example.com")),
        varBind("1.3.6.1.2.1.1.5.0", octets("BRS50-Office")),
        varBind("1.3.6.1.2.1.1.6.0", octets("Hall 2")));
  }

  @Test
  void responseWithTheSystemGroupDescribesTheAgent() {
    StubDatagramContext ctx = send(decoder, AGENT, MANAGER, systemGroupResponse("public"));
    Observation o = ctx.recording().observations.get(0);
    assertEquals(DeviceRef.of("00:80:63:01:02:03", "10.0.0.5"), o.subject());
    assertEquals(Authority.DEVICE_REPORTED, o.authority());
    assertEquals(
        Identity.builder()
            .vendor("Hirschmann")
            .product("BOBCAT")
            .firmware("10.0.00")
            .name("BRS50-Office")
            .role(Role.SWITCH)
            .build(),
        o.identity());
    Map<String, Object> f = o.evidence().fields();
    assertEquals("snmp.response", o.evidence().source());
    assertEquals("2c", f.get("snmpVersion"));
    assertEquals(7L, f.get("requestId"));
    assertEquals("1.3.6.1.4.1.248.11.10.1", f.get("sysObjectID"));
    assertEquals(8_640_000L, f.get("sysUpTime"));
    assertEquals("ot-team@example.com", f.get("sysContact"));
    assertEquals("Hall 2", f.get("sysLocation"));
    assertEquals("public", f.get("community"));
    assertEquals(true, f.get("communityWellKnown"));
  }

  @Test
  void defaultCommunityAnswerRaisesBothFindingsOncePerAgent() {
    SnmpDecoder d = new SnmpDecoder();
    StubDatagramContext first = send(d, AGENT, MANAGER, systemGroupResponse("public"));
    List<Finding> findings = first.recording().findings;
    assertEquals(2, findings.size());
    assertEquals("snmp.cleartext-community", findings.get(0).rule());
    assertEquals(Severity.MEDIUM, findings.get(0).severity());
    assertTrue(findings.get(0).detail().contains("public (a well-known default)"));
    assertEquals("snmp.default-community", findings.get(1).rule());
    assertEquals(Severity.HIGH, findings.get(1).severity());
    assertEquals(DeviceRef.of("00:80:63:01:02:03", "10.0.0.5"), findings.get(1).subject());

    StubDatagramContext again = send(d, AGENT, MANAGER, systemGroupResponse("public"));
    assertTrue(again.recording().findings.isEmpty());
    assertEquals(1, again.recording().observations.size(), "identity is reported each time");
  }

  @Test
  void privateCommunitiesAreMaskedAndNotCalledDefaults() {
    StubDatagramContext ctx = send(decoder, AGENT, MANAGER, systemGroupResponse("Pl4nt-R0"));
    assertEquals(
        "P******* (8 chars)",
        ctx.recording().observations.get(0).evidence().fields().get("community"));
    assertEquals(1, ctx.recording().findings.size());
    Finding f = ctx.recording().findings.get(0);
    assertEquals("snmp.cleartext-community", f.rule());
    assertFalse(f.detail().contains("Pl4nt-R0"));
    assertFalse(f.evidence().fields().toString().contains("Pl4nt-R0"));
    assertEquals("(empty)", Communities.display(""));
    assertEquals("?** (3 chars)", Communities.display("\u0001ab"));
  }

  @Test
  void vendorComesFromSysObjectIdWhenTheDescriptionIsUnknown() {
    byte[] m =
        message(
            0,
            "public",
            0xA2,
            varBind("1.3.6.1.2.1.1.1.0", octets("Linux 4.9.0")),
            varBind("1.3.6.1.2.1.1.2.0", oid("1.3.6.1.4.1.8691.7.6")));
    Observation o = send(decoder, AGENT, MANAGER, m).recording().observations.get(0);
    assertEquals(Identity.builder().vendor("Moxa").build(), o.identity());
    assertEquals("1", o.evidence().fields().get("snmpVersion"));
  }

  @Test
  void responsesWithoutSystemValuesShowPresenceOnce() {
    SnmpDecoder d = new SnmpDecoder();
    byte[] m = message(1, "monitor", 0xA2, varBind("1.3.6.1.2.1.2.2.1.10.1", unsigned(0x41, 5)));
    assertEquals(
        Identity.NONE, send(d, AGENT, MANAGER, m).recording().observations.get(0).identity());
    assertTrue(send(d, AGENT, MANAGER, m).recording().observations.isEmpty());
  }

  @Test
  void requestsNameNoDeviceAndRaiseNoFinding() {
    for (int tag : new int[] {0xA0, 0xA1, 0xA3, 0xA5}) {
      byte[] m = message(1, "private", tag, varBind("1.3.6.1.2.1.1.1.0", tlv(0x05)));
      StubDatagramContext ctx = send(decoder, MANAGER, AGENT, m);
      assertTrue(ctx.recording().observations.isEmpty());
      assertTrue(ctx.recording().findings.isEmpty());
      assertTrue(ctx.recording().warnings.isEmpty());
    }
  }

  @Test
  void everyValueTypeIsDecoded() {
    byte[] m =
        message(
            1,
            "public",
            0xA2,
            varBind("1.3.6.1.2.1.1.7.0", integer(-72)),
            varBind("1.3.6.1.2.1.2.2.1.2.1", octets("eth0\0")),
            varBind("1.3.6.1.2.1.2.2.1.6.1", raw(0x04, 0x00, 0x0e, 0x8c, 0x01, 0x02, 0x03)),
            varBind("1.3.6.1.2.1.1.9.0", tlv(0x05)),
            varBind("1.3.6.1.2.1.1.2.0", oid("1.3.6.1.4.1.4329.6.1")),
            varBind("1.3.6.1.2.1.4.20.1.1.1", raw(0x40, 10, 0, 0, 5)),
            varBind("1.3.6.1.2.1.2.2.1.10.1", unsigned(0x41, 4_294_967_295L)),
            varBind("1.3.6.1.2.1.2.2.1.5.1", unsigned(0x42, 100_000_000)),
            varBind("1.3.6.1.2.1.1.3.0", unsigned(0x43, 123)),
            varBind("1.3.6.1.4.1.9.1", raw(0x44, 0xde, 0xad)),
            varBind("1.3.6.1.2.1.31.1.1.1.6.1", unsigned(0x46, -1L)),
            varBind("1.3.6.1.2.1.1.8.0", tlv(0x80)),
            varBind("1.3.6.1.2.1.1.10.0", tlv(0x81)),
            varBind("1.3.6.1.2.1.1.11.0", tlv(0x82)),
            varBind("1.3.6.1.2.1.1.12.0", raw(0x47, 1)));
    List<?> binds =
        (List<?>)
            send(decoder, AGENT, MANAGER, m)
                .recording()
                .observations
                .get(0)
                .evidence()
                .fields()
                .get("varBinds");
    List<String> rendered =
        binds.stream()
            .map(b -> ((Map<?, ?>) b).get("type") + "=" + ((Map<?, ?>) b).get("value"))
            .toList();
    assertEquals(
        List.of(
            "integer=-72",
            "octetString=eth0",
            "octetString=0x000e8c010203",
            "null=null",
            "objectIdentifier=1.3.6.1.4.1.4329.6.1",
            "ipAddress=10.0.0.5",
            "counter32=4294967295",
            "gauge32=100000000",
            "timeTicks=123",
            "opaque=dead",
            "counter64=18446744073709551615",
            "noSuchObject=null",
            "noSuchInstance=null",
            "endOfMibView=null",
            "tag-0x47=01"),
        rendered);
  }

  @Test
  void v1TrapDescribesItsSenderWithEnterpriseAndAgentAddress() {
    byte[] trap =
        seq(
            integer(0),
            octets("public"),
            tlv(
                0xA4,
                oid("1.3.6.1.4.1.4329.6"),
                raw(0x40, 10, 0, 0, 5),
                integer(6),
                integer(17),
                unsigned(0x43, 500),
                seq(varBind("1.3.6.1.4.1.4329.6.1.0", integer(1)))));
    StubDatagramContext ctx = send(decoder, AGENT_EPHEMERAL, TRAP_SINK, trap);
    Observation o = ctx.recording().observations.get(0);
    assertEquals(DeviceRef.of("00:80:63:01:02:03", "10.0.0.5"), o.subject());
    assertEquals(Identity.builder().vendor("Siemens").build(), o.identity());
    assertEquals("snmp.trap", o.evidence().source());
    assertEquals("1.3.6.1.4.1.4329.6", o.evidence().fields().get("enterprise"));
    assertEquals("10.0.0.5", o.evidence().fields().get("agentAddress"));
    assertEquals(6L, o.evidence().fields().get("genericTrap"));
    assertEquals(17L, o.evidence().fields().get("specificTrap"));
    assertEquals(500L, o.evidence().fields().get("timestamp"));
    assertEquals(
        List.of("snmp.cleartext-community"),
        ctx.recording().findings.stream().map(Finding::rule).toList());
  }

  @Test
  void v2TrapAndInformDescribeTheirSender() {
    byte[] trap =
        message(
            1,
            "public",
            0xA7,
            varBind("1.3.6.1.2.1.1.3.0", unsigned(0x43, 1)),
            varBind("1.3.6.1.6.3.1.1.4.1.0", oid("1.3.6.1.6.3.1.1.5.3")));
    Observation o = send(decoder, AGENT_EPHEMERAL, TRAP_SINK, trap).recording().observations.get(0);
    assertEquals("snmp.snmpv2-trap", o.evidence().source());
    assertEquals(DeviceRef.of("00:80:63:01:02:03", "10.0.0.5"), o.subject());
    assertEquals(Identity.NONE, o.identity());
  }

  @Test
  void v3MessageFromTheAgentGivesItsEngineId() {
    byte[] usm =
        seq(
            raw(0x04, 0x80, 0x00, 0x10, 0xe9, 0x03, 0x00, 0x0e, 0x8c, 0xaa, 0xbb, 0xcc),
            integer(12),
            integer(3456),
            octets(""),
            octets(""),
            octets(""));
    byte[] v3 =
        seq(
            integer(3), seq(integer(99), integer(65507), raw(0x04, 0x00), integer(3)),
            tlv(0x04, usm),
                seq(octets(""), octets(""), tlv(0xA8, integer(0), integer(0), integer(0), seq())));
    Observation o = send(decoder, AGENT, MANAGER, v3).recording().observations.get(0);
    assertEquals(Identity.builder().vendor("Siemens").build(), o.identity());
    Map<String, Object> f = o.evidence().fields();
    assertEquals("snmp.v3-message", o.evidence().source());
    assertEquals(4329L, f.get("engineEnterprise"));
    assertEquals("mac", f.get("engineIdFormat"));
    assertEquals("00:0e:8c:aa:bb:cc", f.get("engineIdData"));
    assertEquals("800010e903000e8caabbcc", f.get("engineId"));
    assertEquals(12L, f.get("engineBoots"));
    assertEquals(3456L, f.get("engineTime"));
  }

  @Test
  void engineIdFormatsFollowRfc3411() {
    assertEquals(new EngineId(9, "ipv4", "10.1.2.3"), engine(0x80, 0, 0, 9, 1, 10, 1, 2, 3));
    assertEquals(
        new EngineId(8072, "text", "agent-7"),
        engine(0x80, 0, 0x1f, 0x88, 4, 'a', 'g', 'e', 'n', 't', '-', '7'));
    assertEquals(new EngineId(8691, "octets", "0102"), engine(0x80, 0, 0x21, 0xf3, 5, 1, 2));
    assertEquals(new EngineId(311, "enterprise-200", "ff"), engine(0x80, 0, 1, 0x37, 200, 0xff));
    assertEquals(
        new EngineId(9, "rfc1910", "0000000000000001"), engine(0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 1));
    assertEquals(null, engine(0x80, 0, 0, 9));
  }

  private static EngineId engine(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return EngineId.decode(ByteBuffer.wrap(b), 0, b.length);
  }

  @Test
  void acceptsAgentAndTrapPortsInEitherDirection() {
    assertTrue(decoder.accepts(161, 50000));
    assertTrue(decoder.accepts(50000, 161));
    assertTrue(decoder.accepts(40000, 162));
    assertFalse(decoder.accepts(53, 50000));
  }

  @Test
  void berLimitsAreEnforced() {
    assertMalformed(raw(0x30, 0x80, 0, 0), "indefinite", new byte[] {0x30, (byte) 0x80, 0, 0});
    assertMalformed(null, "4-octet length", new byte[] {0x30, (byte) 0x84, 0, 0, 0, 1, 0});
    assertMalformed(null, "multi-octet tag", new byte[] {0x3f, 0x01, 0x00});
    assertMalformed(null, "runs past", new byte[] {0x30, 0x10, 0x02, 0x01, 0x01});
    assertMalformed(null, "unsupported SNMP version 2", seq(integer(2), octets("public")));
    BerReader r = new BerReader(ByteBuffer.wrap(seq(integer(1))), 0, 3 + 2);
    BerTlv t = r.next();
    for (int i = 0; i < BerReader.MAX_DEPTH; i++) {
      r = r.enter(t);
    }
    assertEquals(null, r.enter(t));
    assertEquals("nesting deeper than 8", r.error());
  }

  private void assertMalformed(byte[] ignored, String reasonPart, byte[] datagram) {
    StubDatagramContext ctx = send(decoder, AGENT, MANAGER, datagram);
    assertTrue(ctx.recording().observations.isEmpty());
    assertTrue(
        ctx.recording().warnings.get(0).message().contains(reasonPart),
        ctx.recording().warnings.toString());
  }

  @Test
  void truncationAtEveryLengthWarnsAndNeverThrows() {
    byte[] full = systemGroupResponse("public");
    for (int n = 0; n < full.length; n++) {
      StubDatagramContext ctx = send(new SnmpDecoder(), AGENT, MANAGER, Arrays.copyOf(full, n));
      assertEquals(1, ctx.recording().warnings.size(), "length " + n);
      assertTrue(ctx.recording().observations.isEmpty());
    }
  }

  @Test
  void seededMutationNeverThrows() {
    Random random = new Random(161);
    byte[][] seeds = {
      systemGroupResponse("public"),
      seq(
          integer(0),
          octets("public"),
          tlv(
              0xA4,
              oid("1.3.6.1.4.1.9"),
              raw(0x40, 1, 2, 3, 4),
              integer(1),
              integer(0),
              unsigned(0x43, 5),
              seq())),
    };
    for (int i = 0; i < 5000; i++) {
      byte[] m = seeds[i % seeds.length].clone();
      for (int f = 1 + random.nextInt(6); f > 0; f--) {
        m[random.nextInt(m.length)] = (byte) random.nextInt(256);
      }
      decoder.onDatagram(
          StubDatagramContext.of(AGENT, MANAGER),
          ByteBuffer.wrap(m, 0, random.nextInt(m.length + 1)).slice());
    }
  }
}
