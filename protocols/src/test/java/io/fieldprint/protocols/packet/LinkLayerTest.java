package io.fieldprint.protocols.packet;

import static io.fieldprint.protocols.packet.Frames.CLIENT_IP;
import static io.fieldprint.protocols.packet.Frames.CLIENT_MAC;
import static io.fieldprint.protocols.packet.Frames.SERVER_IP;
import static io.fieldprint.protocols.packet.Frames.SERVER_MAC;
import static io.fieldprint.protocols.packet.Frames.bytes;
import static io.fieldprint.protocols.packet.Frames.concat;
import static io.fieldprint.protocols.packet.Frames.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fieldprint.protocols.capture.LinkType;
import io.fieldprint.protocols.decode.DecoderSet;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkLayerTest {
  private static final byte[] PAYLOAD = bytes(0xde, 0xad, 0xbe, 0xef);
  private static final byte[] IPV4_UDP =
      Frames.ipv4(CLIENT_IP, SERVER_IP, 17, Frames.udp(1234, 161, PAYLOAD));
  private static final String FROM_MAC =
      "Endpoint[mac=02:00:00:00:00:01, ip=10.0.0.1, port=1234] > "
          + "Endpoint[mac=02:00:00:00:00:02, ip=10.0.0.2, port=161] deadbeef";
  private static final String NO_MAC =
      "Endpoint[mac=null, ip=10.0.0.1, port=1234] > Endpoint[mac=null, ip=10.0.0.2, port=161] deadbeef";

  private static List<String> udp(int linkType, byte[] frame) {
    RecordingDecoders.Udp decoder = new RecordingDecoders.Udp(161);
    Dissection.udp(decoder, List.of(frame(1, linkType, frame)));
    return decoder.datagrams;
  }

  @Test
  void ethernetUdpDatagramReachesTheDecoderWithBothEndpoints() {
    byte[] frame = Frames.ethernet(SERVER_MAC, CLIENT_MAC, 0x0800, IPV4_UDP);
    RecordingDecoders.Udp decoder = new RecordingDecoders.Udp(161);
    Dissection.udp(decoder, List.of(frame(42, LinkType.ETHERNET, frame)));
    assertEquals(List.of(FROM_MAC), decoder.datagrams);
    assertEquals(List.of("test.pcap#frame=42 1970-01-01T00:00:00.042Z"), decoder.origins);
  }

  @Test
  void vlanTagsOfEveryKindAreFollowedAndTheInnermostIdReported() {
    int[][] stacks = {
      {0x8100, 0x0064},
      {0x88A8, 0x00C8, 0x8100, 0x2065},
      {0x9100, 0x0001, 0x9100, 0x0002, 0x8100, 0x0FFF},
    };
    int[] inner = {100, 101, 4095};
    for (int i = 0; i < stacks.length; i++) {
      byte[] frame = Frames.ethernet(SERVER_MAC, CLIENT_MAC, stacks[i], 0x0800, IPV4_UDP);
      assertEquals(List.of(FROM_MAC), udp(LinkType.ETHERNET, frame), "stack " + i);
      byte[] lldp = Frames.ethernet(0x0180_C200_000EL, CLIENT_MAC, stacks[i], 0x88CC, PAYLOAD);
      RecordingDecoders.Ether ether = new RecordingDecoders.Ether(0x88CC);
      Dissection.ethernet(ether, List.of(frame(1, LinkType.ETHERNET, lldp)));
      assertEquals(
          List.of("02:00:00:00:00:01 > 01:80:c2:00:00:0e vlan " + inner[i] + " deadbeef"),
          ether.frames);
    }
  }

  @Test
  void tagsBeyondTheLimitLeaveTheFrameUndecoded() {
    int[] tags = new int[2 * 9];
    for (int i = 0; i < tags.length; i += 2) {
      tags[i] = 0x8100;
      tags[i + 1] = 1;
    }
    byte[] frame = Frames.ethernet(SERVER_MAC, CLIENT_MAC, tags, 0x0800, IPV4_UDP);
    assertEquals(List.of(), udp(LinkType.ETHERNET, frame));
  }

  @Test
  void ieee8023LengthFrameIsNotHandedToIp() {
    byte[] frame = Frames.ethernet(SERVER_MAC, CLIENT_MAC, IPV4_UDP.length, IPV4_UDP);
    assertEquals(List.of(), udp(LinkType.ETHERNET, frame));
  }

  @Test
  void untaggedEtherTypeFrameHasNoVlan() {
    RecordingDecoders.Ether ether = new RecordingDecoders.Ether(0x8892);
    byte[] frame = Frames.ethernet(0x010E_CF00_0000L, CLIENT_MAC, 0x8892, PAYLOAD);
    Dissection.ethernet(ether, List.of(frame(1, LinkType.ETHERNET, frame)));
    assertEquals(List.of("02:00:00:00:00:01 > 01:0e:cf:00:00:00 vlan -1 deadbeef"), ether.frames);
  }

  @Test
  void bsdLoopbackFamilyIsReadInEitherByteOrder() {
    for (int family : new int[] {2, 0x0200_0000}) {
      byte[] frame = concat(ByteBuffer.allocate(4).putInt(family).array(), IPV4_UDP);
      assertEquals(List.of(NO_MAC), udp(LinkType.NULL, frame), "family " + family);
    }
    byte[] loop = concat(bytes(0, 0, 0, 2), IPV4_UDP);
    assertEquals(List.of(NO_MAC), udp(LinkType.LOOP, loop));
    byte[] unknown = concat(bytes(0, 0, 0, 7), IPV4_UDP);
    assertEquals(List.of(), udp(LinkType.NULL, unknown));
  }

  @Test
  void bsdLoopbackIpv6FamiliesOfEverySystemAreDecoded() {
    byte[] ipv6 = IpLayerTest.ipv6Udp(new byte[0], 17);
    for (int family : new int[] {24, 28, 30}) {
      byte[] frame = concat(bytes(family, 0, 0, 0), ipv6);
      assertEquals(
          List.of(IpLayerTest.IPV6_DATAGRAM), udp(LinkType.NULL, frame), "family " + family);
    }
  }

  @Test
  void linuxCookedCapturesCarryTheSenderMacAndProtocol() {
    ByteBuffer sll = ByteBuffer.allocate(16);
    sll.putShort((short) 0).putShort((short) 1).putShort((short) 6);
    Frames.putMac(sll, CLIENT_MAC);
    sll.putShort((short) 0).putShort((short) 0x0800);
    String fromSender =
        "Endpoint[mac=02:00:00:00:00:01, ip=10.0.0.1, port=1234] > "
            + "Endpoint[mac=null, ip=10.0.0.2, port=161] deadbeef";
    assertEquals(List.of(fromSender), udp(LinkType.LINUX_SLL, concat(sll.array(), IPV4_UDP)));

    ByteBuffer sll2 = ByteBuffer.allocate(20);
    sll2.putShort((short) 0x0800).putShort((short) 0).putInt(3).putShort((short) 1);
    sll2.put((byte) 4).put((byte) 6);
    Frames.putMac(sll2, CLIENT_MAC);
    assertEquals(List.of(fromSender), udp(LinkType.LINUX_SLL2, concat(sll2.array(), IPV4_UDP)));

    sll2.put(11, (byte) 0);
    assertEquals(List.of(NO_MAC), udp(LinkType.LINUX_SLL2, concat(sll2.array(), IPV4_UDP)));
  }

  @Test
  void rawIpLinkTypesDecodeByTheVersionNibble() {
    byte[] ipv6 = IpLayerTest.ipv6Udp(new byte[0], 17);
    for (int linkType :
        new int[] {LinkType.RAW, LinkType.DLT_RAW, LinkType.DLT_RAW_OPENBSD, LinkType.IPV4}) {
      assertEquals(List.of(NO_MAC), udp(linkType, IPV4_UDP), "link type " + linkType);
    }
    for (int linkType : new int[] {LinkType.RAW, LinkType.DLT_RAW, LinkType.IPV6}) {
      assertEquals(
          List.of(IpLayerTest.IPV6_DATAGRAM), udp(linkType, ipv6), "link type " + linkType);
    }
  }

  @Test
  void unsupportedLinkTypeIsCountedAndWarnedAboutOnce() {
    RecordingDecoders.Udp decoder = new RecordingDecoders.Udp(161);
    Dissection d =
        Dissection.udp(
            decoder,
            List.of(
                frame(1, 105, IPV4_UDP),
                frame(2, 105, IPV4_UDP),
                frame(3, 1, Frames.ethernet(SERVER_MAC, CLIENT_MAC, 0x0800, IPV4_UDP))));
    assertEquals(Map.of(105, 2L, 1, 1L), d.stats().framesByLinkType());
    assertEquals(2, d.stats().undecodableFrames());
    assertEquals(List.of(FROM_MAC), decoder.datagrams);
    assertEquals(1, d.sink().warnings.stream().filter(w -> w.message().contains("105")).count());
  }

  @Test
  void framesCutAtEveryLengthNeverThrowAndNeverReachDecodersIncomplete() {
    byte[] ipv6 = IpLayerTest.ipv6Udp(IpLayerTest.extensionChain(), 0);
    byte[][] frames = {
      Frames.ethernet(SERVER_MAC, CLIENT_MAC, new int[] {0x88A8, 5, 0x8100, 6}, 0x0800, IPV4_UDP),
      Frames.ethernet(SERVER_MAC, CLIENT_MAC, 0x86DD, ipv6),
      concat(bytes(2, 0, 0, 0), IPV4_UDP),
      concat(new byte[14], bytes(0x08, 0x00), IPV4_UDP),
      concat(bytes(0x86, 0xDD), new byte[18], ipv6),
      IPV4_UDP,
    };
    int[] linkTypes = {
      LinkType.ETHERNET,
      LinkType.ETHERNET,
      LinkType.NULL,
      LinkType.LINUX_SLL,
      LinkType.LINUX_SLL2,
      LinkType.RAW
    };
    DecoderSet decoders =
        new DecoderSet(
            List.of(new LengthPrefixedProtocol()),
            List.of(new RecordingDecoders.Udp(161)),
            List.of(new RecordingDecoders.Ether(0x0800)));
    for (int i = 0; i < frames.length; i++) {
      for (int cut = 0; cut < frames[i].length; cut++) {
        RecordingDecoders.Udp decoder = new RecordingDecoders.Udp(161);
        byte[] truncated = java.util.Arrays.copyOf(frames[i], cut);
        Dissection.udp(decoder, List.of(frame(1, linkTypes[i], truncated)));
        assertEquals(List.of(), decoder.datagrams, "frame " + i + " cut at " + cut);
        Dissection.run(
            decoders, DissectorLimits.defaults(), List.of(frame(1, linkTypes[i], truncated)));
      }
      assertEquals(1, udp(linkTypes[i], frames[i]).size(), "frame " + i + " whole");
    }
  }
}
