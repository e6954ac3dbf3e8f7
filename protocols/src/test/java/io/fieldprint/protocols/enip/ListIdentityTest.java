package io.fieldprint.protocols.enip;

import static io.fieldprint.protocols.enip.EnipMessages.identity;
import static io.fieldprint.protocols.enip.EnipMessages.identityItem;
import static io.fieldprint.protocols.enip.EnipMessages.listIdentityReply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.decode.Endpoint;
import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Role;
import io.fieldprint.protocols.replay.Bytes;
import io.fieldprint.protocols.replay.FakeDatagramContext;
import io.fieldprint.protocols.replay.FakePduContext;
import io.fieldprint.protocols.replay.Pdu;
import io.fieldprint.protocols.replay.Robustness;
import io.fieldprint.protocols.testing.RecordingSink;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ListIdentityTest {
  private static final String SOURCE = "enip.list-identity";
  private final EtherNetIpTcp enip = new EtherNetIpTcp();
  private final EtherNetIpUdp udp = new EtherNetIpUdp();

  private RecordingSink tcp(byte[] reply) {
    return Robustness.run(
        enip,
        44818,
        List.of(Pdu.request(EnipMessages.message(0x0063, 0, new byte[0])), Pdu.response(reply)));
  }

  private RecordingSink udp(byte[] datagram) {
    RecordingSink sink = new RecordingSink();
    udp.onDatagram(
        new FakeDatagramContext(
            new Endpoint("00:00:bc:01:02:03", "192.168.1.20", 44818),
            new Endpoint("00:00:00:00:00:01", "192.168.1.5", 50000),
            sink,
            "udp.pcap#frame=7",
            FakePduContext.T0),
        ByteBuffer.wrap(datagram));
    return sink;
  }

  private static Observation only(RecordingSink sink) {
    List<Observation> found = sink.bySource(SOURCE);
    assertEquals(1, found.size(), () -> "observations: " + sink.observations);
    return found.get(0);
  }

  @Test
  void everyIdentityFieldIsDecoded() {
    RecordingSink sink = tcp(EnipMessages.enbtReply());
    Observation o = only(sink);
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
    assertEquals(Authority.DEVICE_REPORTED, o.authority());
    assertEquals("enip", o.protocol());
    assertEquals("10.0.0.2", o.subject().ip());
    Map<String, Object> f = o.evidence().fields();
    assertEquals(1, f.get("vendorId"));
    assertEquals("Rockwell Automation/Allen-Bradley", f.get("vendorName"));
    assertEquals(12, f.get("deviceType"));
    assertEquals("Communications Adapter", f.get("deviceTypeName"));
    assertEquals(58, f.get("productCode"));
    assertEquals("4.03", f.get("revision"));
    assertEquals(4, f.get("revisionMajor"));
    assertEquals(3, f.get("revisionMinor"));
    assertEquals("0x0030", f.get("status"));
    assertEquals("0x00524d8e", f.get("serialNumber"));
    assertEquals("1756-ENBT/A", f.get("productName"));
    assertEquals(3, f.get("state"));
    assertEquals("Operational", f.get("stateName"));
    assertEquals(1, f.get("encapsulationVersion"));
    assertEquals(2, f.get("socketFamily"));
    assertEquals("10.1.1.164", f.get("socketAddress"));
    assertEquals(44818, f.get("socketPort"));
    assertEquals(true, f.get("socketAddressDiffers"));
    assertEquals("tcp", f.get("transport"));
    @SuppressWarnings("unchecked")
    Map<String, Object> flags = (Map<String, Object>) f.get("statusFlags");
    assertEquals(false, flags.get("owned"));
    assertEquals(false, flags.get("configured"));
    assertEquals(3, flags.get("extendedDeviceStatus"));
    assertEquals("No I/O Connections Established", flags.get("extendedDeviceStatusName"));
    assertEquals(false, flags.get("majorUnrecoverableFault"));
    assertEquals(0, flags.get("extendedDeviceStatus2"));
    assertTrue(sink.warnings.isEmpty(), sink.warnings::toString);
  }

  @Test
  void statusBitsAreDecodedIndividually() {
    Map<String, Object> flags = IdentityStatus.flags(0xFF05);
    assertEquals(true, flags.get("owned"));
    assertEquals(true, flags.get("configured"));
    assertEquals(0, flags.get("extendedDeviceStatus"));
    assertEquals(true, flags.get("minorRecoverableFault"));
    assertEquals(true, flags.get("minorUnrecoverableFault"));
    assertEquals(true, flags.get("majorRecoverableFault"));
    assertEquals(true, flags.get("majorUnrecoverableFault"));
    assertEquals(15, flags.get("extendedDeviceStatus2"));
    assertEquals("Vendor or Reserved (9)", IdentityStatus.extendedStatusName(9));
    assertEquals("Default for Get_Attributes_All", IdentityStatus.stateName(255));
    assertEquals("Reserved (9)", IdentityStatus.stateName(9));
  }

  @Test
  void udpReplyNamesTheSender() {
    RecordingSink sink =
        udp(
            listIdentityReply(
                identityItem(
                    "192.168.1.20",
                    identity(1251, 14, 815, 2, 9, 0x0060, 0x1234abcdL, "SIMATIC S7-1500", 3))));
    Observation o = only(sink);
    assertEquals("192.168.1.20", o.subject().ip());
    assertEquals("Siemens AG", o.identity().vendor());
    assertEquals(Role.PLC, o.identity().role());
    assertEquals("2.09", o.identity().firmware());
    assertNull(o.identity().model());
    assertEquals("udp", o.evidence().fields().get("transport"));
    assertEquals(false, o.evidence().fields().get("socketAddressDiffers"));
    assertEquals("udp.pcap#frame=7", o.evidence().origin());
  }

  @Test
  void requestsCarryNoIdentity() {
    RecordingSink sink = udp(EnipMessages.message(0x0063, 0, new byte[0]));
    assertTrue(sink.observations.isEmpty());
    assertTrue(sink.warnings.isEmpty());
    RecordingSink tcp =
        Robustness.run(
            enip, 44818, List.of(Pdu.request(EnipMessages.message(0x0063, 0, new byte[0]))));
    assertTrue(tcp.bySource(SOURCE).isEmpty());
  }

  @Test
  void unknownVendorAndDeviceTypeStayUnknownButAreKept() {
    Observation o =
        only(
            tcp(
                listIdentityReply(
                    identityItem("10.0.0.2", identity(65000, 999, 1, 1, 0, 0, 7, "X", 3)))));
    assertNull(o.identity().vendor());
    assertNull(o.identity().role());
    assertEquals(65000, o.evidence().fields().get("vendorId"));
    assertFalse(o.evidence().fields().containsKey("vendorName"));
    assertFalse(o.evidence().fields().containsKey("deviceTypeName"));
  }

  @Test
  void deviceTypesMapToRoles() {
    Map<Integer, Role> expected =
        Map.of(
            14,
            Role.PLC,
            12,
            Role.IO,
            24,
            Role.HMI,
            2,
            Role.DRIVE,
            37,
            Role.DRIVE,
            44,
            Role.SWITCH);
    expected.forEach(
        (type, role) ->
            assertEquals(
                role,
                only(tcp(
                        listIdentityReply(
                            identityItem("10.0.0.2", identity(1, type, 1, 1, 0, 0, 1, "X", 3)))))
                    .identity()
                    .role(),
                "device type " + type));
  }

  @Test
  void rockwellCatalogNumberAndSeriesComeFromTheProductName() {
    Identity id =
        only(tcp(
                listIdentityReply(
                    identityItem(
                        "10.0.0.2", identity(1, 14, 54, 20, 11, 0, 1, "1756-L61/B LOGIX5561", 3)))))
            .identity();
    assertEquals("1756-L61", id.model());
    assertEquals("Series B", id.hardware());
    assertEquals("1756-L61/B LOGIX5561", id.product());
    assertEquals("20.11", id.firmware());
    Identity noSeries =
        only(tcp(
                listIdentityReply(
                    identityItem("10.0.0.2", identity(1, 14, 1, 1, 0, 0, 1, "1769-L33ER", 3)))))
            .identity();
    assertEquals("1769-L33ER", noSeries.model());
    assertNull(noSeries.hardware());
    Identity otherVendor =
        only(tcp(
                listIdentityReply(
                    identityItem("10.0.0.2", identity(40, 12, 1, 1, 0, 0, 1, "1756-ENBT/A", 3)))))
            .identity();
    assertNull(otherVendor.model());
  }

  @Test
  void otherItemsAreKeptRaw() {
    byte[] security = Bytes.of().u16le(0x0086).u16le(5).u8(0x01, 0x00, 0x03, 0x02, 0x01).build();
    Observation o =
        only(
            tcp(
                listIdentityReply(
                    identityItem("10.0.0.2", identity(1, 14, 1, 1, 0, 0, 1, "X", 3)), security)));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> others =
        (List<Map<String, Object>>) o.evidence().fields().get("otherItems");
    assertEquals(1, others.size());
    assertEquals("0x0086", others.get(0).get("typeId"));
    assertEquals("CIP Security Information", others.get(0).get("typeName"));
    assertEquals("0100030201", others.get(0).get("hex"));
  }

  @Test
  void replyWithoutStateByteStillIdentifies() {
    byte[] attrs = identity(1, 14, 1, 1, 0, 0, 1, "X", 3);
    byte[] noState = java.util.Arrays.copyOf(attrs, attrs.length - 1);
    Observation o = only(tcp(listIdentityReply(identityItem("10.0.0.2", noState))));
    assertFalse(o.evidence().fields().containsKey("state"));
  }

  @Test
  void productNameThatOverClaimsWarns() {
    byte[] attrs = identity(1, 14, 1, 1, 0, 0, 1, "ABC", 3);
    attrs[14] = (byte) 200;
    RecordingSink sink = tcp(listIdentityReply(identityItem("10.0.0.2", attrs)));
    assertTrue(sink.bySource(SOURCE).isEmpty());
    assertTrue(sink.warnings.get(0).message().contains("product name claims 200 bytes"));
    assertEquals("enip", sink.warnings.get(0).protocol());
  }

  @Test
  void itemLengthThatOverClaimsWarns() {
    byte[] reply = EnipMessages.enbtReply();
    reply[28] = (byte) 0xF0;
    RecordingSink sink = tcp(reply);
    assertTrue(sink.warnings.get(0).message().contains("item 0x000c claims 240 bytes"));
  }

  @Test
  void udpDatagramShorterThanItsLengthFieldWarns() {
    byte[] reply = EnipMessages.enbtReply();
    RecordingSink sink = udp(java.util.Arrays.copyOf(reply, 60));
    assertTrue(sink.observations.isEmpty());
    assertTrue(sink.warnings.get(0).message().contains("claims 51 bytes, 36 present"));
  }

  @Test
  void tcpTruncationAtEveryLengthWarnsAndNeverThrows() {
    List<Pdu> exchange =
        List.of(
            Pdu.request(EnipMessages.message(0x0063, 0, new byte[0])),
            Pdu.response(EnipMessages.enbtReply()));
    int cuts = exchange.get(0).bytes().length + exchange.get(1).bytes().length;
    assertEquals(cuts, Robustness.truncateEveryLength(enip, 44818, exchange));
  }

  @Test
  void udpTruncationAtEveryLengthNeverThrows() {
    byte[] reply = EnipMessages.enbtReply();
    for (int n = 0; n < reply.length; n++) {
      RecordingSink sink = udp(java.util.Arrays.copyOf(reply, n));
      assertTrue(sink.observations.isEmpty(), "length " + n);
      assertEquals(1, sink.warnings.size(), "length " + n);
    }
  }

  @Test
  void randomMutationNeverThrows() {
    List<Pdu> exchange =
        List.of(
            Pdu.request(EnipMessages.message(0x0063, 0, new byte[0])),
            Pdu.response(EnipMessages.enbtReply()),
            Pdu.request(EnipMessages.sendRrData(5, EnipMessages.getAttributesAllIdentity())),
            Pdu.response(
                EnipMessages.sendRrData(
                    5,
                    EnipMessages.getAttributesAllReply(
                        identity(1, 14, 1, 1, 0, 0, 1, "1756-L61/B LOGIX5561", 3)))));
    Robustness.mutate(enip, 44818, exchange, 44818L, 5000);
    Random random = new Random(2222L);
    byte[] reply = EnipMessages.enbtReply();
    for (int i = 0; i < 5000; i++) {
      byte[] damaged = reply.clone();
      for (int k = 0; k < 1 + random.nextInt(4); k++) {
        damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
      }
      udp(java.util.Arrays.copyOf(damaged, random.nextInt(damaged.length + 1)));
    }
    assertEquals(4, exchange.size());
  }
}
