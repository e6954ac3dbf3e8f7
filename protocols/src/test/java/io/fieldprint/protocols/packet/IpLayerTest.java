package io.fieldprint.protocols.packet;

import static io.fieldprint.protocols.packet.Frames.CLIENT_IP;
import static io.fieldprint.protocols.packet.Frames.CLIENT_MAC;
import static io.fieldprint.protocols.packet.Frames.SERVER_IP;
import static io.fieldprint.protocols.packet.Frames.SERVER_MAC;
import static io.fieldprint.protocols.packet.Frames.bytes;
import static io.fieldprint.protocols.packet.Frames.concat;
import static io.fieldprint.protocols.packet.Frames.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.capture.LinkType;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpLayerTest {
  static final byte[] PAYLOAD = bytes(0xde, 0xad, 0xbe, 0xef);
  static final byte[] SOURCE_V6 = address(0x2001_0db8_0000_0000L, 1);
  static final byte[] DESTINATION_V6 = address(0xfe80_0000_0000_0000L, 0x000a_0000_0000_0002L);
  static final String IPV6_DATAGRAM =
      "Endpoint[mac=null, ip=2001:db8::1, port=1234] > "
          + "Endpoint[mac=null, ip=fe80::a:0:0:2, port=161] deadbeef";
  private static final String IPV4_DATAGRAM =
      "Endpoint[mac=02:00:00:00:00:01, ip=10.0.0.1, port=1234] > "
          + "Endpoint[mac=02:00:00:00:00:02, ip=10.0.0.2, port=161] deadbeef";

  private static byte[] address(long high, long low) {
    return ByteBuffer.allocate(16).putLong(high).putLong(low).array();
  }

  /** IPv6 carrying {@code chain} (extension headers ending in next header 17) then UDP. */
  static byte[] ipv6Udp(byte[] chain, int firstNextHeader) {
    int next = chain.length == 0 ? 17 : firstNextHeader;
    return Frames.ipv6(
        SOURCE_V6, DESTINATION_V6, next, concat(chain, Frames.udp(1234, 161, PAYLOAD)));
  }

  /** Hop-by-hop (8), routing (16), destination options (8), atomic fragment (8); starts with 0. */
  static byte[] extensionChain() {
    return concat(
        bytes(43, 0, 1, 4, 0, 0, 0, 0),
        bytes(60, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        bytes(44, 0, 1, 4, 0, 0, 0, 0),
        bytes(17, 0, 0, 0, 0, 0, 0, 9));
  }

  private static Dissection ethernet(byte[] ip) {
    RecordingDecoders.Udp decoder = new RecordingDecoders.Udp(161);
    byte[] frame =
        Frames.ethernet(SERVER_MAC, CLIENT_MAC, (ip[0] >>> 4) == 6 ? 0x86DD : 0x0800, ip);
    Dissection d = Dissection.udp(decoder, List.of(frame(1, LinkType.ETHERNET, frame)));
    datagrams = decoder.datagrams;
    return d;
  }

  private static List<String> datagrams;

  @Test
  void ipv4OptionsAreSkippedByTheHeaderLength() {
    byte[] options = bytes(0x94, 0x04, 0, 0, 1, 1, 1, 0);
    ethernet(Frames.ipv4(CLIENT_IP, SERVER_IP, 17, options, 0, Frames.udp(1234, 161, PAYLOAD)));
    assertEquals(List.of(IPV4_DATAGRAM), datagrams);
  }

  @Test
  void ethernetPaddingAfterTheIpPacketIsNotPayload() {
    byte[] padded =
        concat(Frames.ipv4(CLIENT_IP, SERVER_IP, 17, Frames.udp(1234, 161, PAYLOAD)), new byte[14]);
    ethernet(padded);
    assertEquals(List.of(IPV4_DATAGRAM), datagrams);
  }

  @Test
  void zeroTotalLengthFromSegmentationOffloadMeansTheCapturedBytes() {
    byte[] ip = Frames.ipv4(CLIENT_IP, SERVER_IP, 17, Frames.udp(1234, 161, PAYLOAD));
    ip[2] = 0;
    ip[3] = 0;
    ethernet(ip);
    assertEquals(List.of(IPV4_DATAGRAM), datagrams);
  }

  @Test
  void ipv4FragmentsAreCountedAndNotHandedToDecoders() {
    byte[] udp = Frames.udp(1234, 161, PAYLOAD);
    Dissection first = ethernet(Frames.ipv4(CLIENT_IP, SERVER_IP, 17, new byte[0], 0x2000, udp));
    assertEquals(List.of(), datagrams);
    assertEquals(1, first.stats().ipFragments());
    Dissection later = ethernet(Frames.ipv4(CLIENT_IP, SERVER_IP, 17, new byte[0], 185, PAYLOAD));
    assertEquals(List.of(), datagrams);
    assertEquals(1, later.stats().ipFragments());
    Dissection dontFragment =
        ethernet(Frames.ipv4(CLIENT_IP, SERVER_IP, 17, new byte[0], 0x4000, udp));
    assertEquals(List.of(IPV4_DATAGRAM), datagrams);
    assertEquals(0, dontFragment.stats().ipFragments());
  }

  @Test
  void datagramCutShortByTheSnaplenIsCountedAsTruncated() {
    byte[] ip = Frames.ipv4(CLIENT_IP, SERVER_IP, 17, Frames.udp(1234, 161, PAYLOAD));
    Dissection d = ethernet(java.util.Arrays.copyOf(ip, ip.length - 2));
    assertEquals(List.of(), datagrams);
    assertEquals(1, d.stats().truncatedFrames());
    assertEquals(List.of(), d.sink().warnings);
  }

  @Test
  void malformedIpv4HeaderIsWarnedAbout() {
    byte[] ip = Frames.ipv4(CLIENT_IP, SERVER_IP, 17, Frames.udp(1234, 161, PAYLOAD));
    ip[0] = 0x43;
    Dissection d = ethernet(ip);
    assertEquals(1, d.stats().undecodableFrames());
    assertEquals("test.pcap#frame=1", d.sink().warnings.get(0).origin());
    assertEquals("ipv4", d.sink().warnings.get(0).protocol());
  }

  @Test
  void ipv6ExtensionHeadersAreFollowedToTheTransport() {
    Dissection d = ethernet(ipv6Udp(extensionChain(), 0));
    assertEquals(1, datagrams.size());
    assertTrue(datagrams.get(0).contains("ip=2001:db8::1, port=1234"), datagrams.get(0));
    assertTrue(datagrams.get(0).contains("ip=fe80::a:0:0:2, port=161"), datagrams.get(0));
    assertEquals(0, d.stats().undecodableFrames());
  }

  @Test
  void ipv6FragmentIsCountedAndNotHandedToDecoders() {
    byte[] fragment = bytes(17, 0, 0, 1, 0, 0, 0, 9);
    Dissection d = ethernet(ipv6Udp(fragment, 44));
    assertEquals(List.of(), datagrams);
    assertEquals(1, d.stats().ipFragments());
  }

  @Test
  void ipv6ExtensionChainLongerThanTheLimitIsMalformed() {
    byte[] chain = new byte[0];
    for (int i = 0; i < 9; i++) {
      chain = concat(chain, bytes(i < 8 ? 0 : 17, 0, 1, 4, 0, 0, 0, 0));
    }
    Dissection d = ethernet(ipv6Udp(chain, 0));
    assertEquals(List.of(), datagrams);
    assertEquals(1, d.stats().undecodableFrames());
    assertEquals("ipv6", d.sink().warnings.get(0).protocol());
  }

  @Test
  void udpLengthThatOverClaimsIsMalformed() {
    byte[] udp = Frames.udp(1234, 161, PAYLOAD);
    udp[5] = 40;
    Dissection d = ethernet(Frames.ipv4(CLIENT_IP, SERVER_IP, 17, udp));
    assertEquals(List.of(), datagrams);
    assertEquals("udp", d.sink().warnings.get(0).protocol());
  }

  @Test
  void tcpDataOffsetBelowTheHeaderIsMalformed() {
    byte[] tcp = Frames.tcp(1234, 7777, 1, 0x18, PAYLOAD);
    tcp[12] = 0x40;
    Dissection d = ethernet(Frames.ipv4(CLIENT_IP, SERVER_IP, 6, tcp));
    assertEquals(0, d.stats().tcpSegments());
    assertEquals("tcp", d.sink().warnings.get(0).protocol());
  }
}
