package io.fieldprint.protocols.capture;

import static io.fieldprint.protocols.capture.PcapReaderTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcapngReaderTest {
  private static final byte[] A = bytes(61, 1);
  private static final byte[] B = bytes(200, 2);
  private static final long SECOND = 1_000_000_000L;

  /** Two sections (LE then BE), three interfaces of different link types and resolutions. */
  private static PcapngBuilder mixedFile() {
    return new PcapngBuilder()
        .section(ByteOrder.LITTLE_ENDIAN)
        .interfaceDescription(LinkType.ETHERNET, 65535, null, 0)
        .enhancedPacket(0, 1_500_000_000_123_456L, A)
        .section(ByteOrder.BIG_ENDIAN)
        .interfaceDescription(LinkType.RAW, 0, 9, 0)
        .interfaceDescription(LinkType.NULL, 0, 0x80 | 20, 1000)
        .enhancedPacket(1, (5L << 20) | (1L << 19), B)
        .enhancedPacket(0, 1_600_000_000_987_654_321L, A);
  }

  @Test
  void sectionsOfDifferentByteOrderAndInterfacesOfDifferentResolutionsAreDecoded()
      throws Exception {
    CaptureContents c = CaptureContents.read(mixedFile().build());
    assertEquals(List.of(), c.warnings());
    assertEquals(3, c.frames().size());
    CaptureContents.Frame first = c.frames().get(0);
    assertEquals(LinkType.ETHERNET, first.linkType());
    assertEquals(1_500_000_000_123_456_000L, first.timestampNanos());
    assertArrayEquals(A, first.data());
    CaptureContents.Frame second = c.frames().get(1);
    assertEquals(LinkType.NULL, second.linkType());
    assertEquals((1000 + 5) * SECOND + SECOND / 2, second.timestampNanos());
    assertArrayEquals(B, second.data());
    CaptureContents.Frame third = c.frames().get(2);
    assertEquals(LinkType.RAW, third.linkType());
    assertEquals(1_600_000_000_987_654_321L, third.timestampNanos());
    assertEquals(List.of(1L, 2L, 3L), c.frames().stream().map(f -> f.number()).toList());
  }

  @Test
  void newSectionResetsTheInterfaceTable() throws Exception {
    byte[] file =
        new PcapngBuilder()
            .section(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(LinkType.ETHERNET, 0, null, 0)
            .interfaceDescription(LinkType.ETHERNET, 0, null, 0)
            .section(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(LinkType.RAW, 0, null, 0)
            .enhancedPacket(1, 0, A)
            .enhancedPacket(0, 0, B)
            .build();
    CaptureContents c = CaptureContents.read(file);
    assertEquals(1, c.frames().size());
    assertEquals(2, c.frames().get(0).number());
    assertEquals(LinkType.RAW, c.frames().get(0).linkType());
    assertEquals(1, c.warnings().size());
    assertEquals("test.pcap#frame=1", c.warnings().get(0).origin());
    assertTrue(c.warnings().get(0).message().contains("unknown interface 1"));
  }

  @Test
  void simplePacketBlockUsesInterfaceZeroAndItsSnaplen() throws Exception {
    byte[] file =
        new PcapngBuilder()
            .section(ByteOrder.BIG_ENDIAN)
            .interfaceDescription(LinkType.ETHERNET, 64, null, 0)
            .simplePacket(Arrays.copyOf(B, 64), 200)
            .simplePacket(A, A.length)
            .build();
    CaptureContents c = CaptureContents.read(file);
    assertEquals(2, c.frames().size());
    assertArrayEquals(Arrays.copyOf(B, 64), c.frames().get(0).data());
    assertEquals(200, c.frames().get(0).original());
    assertEquals(0, c.frames().get(0).timestampNanos());
    assertArrayEquals(A, c.frames().get(1).data());
  }

  @Test
  void obsoletePacketBlockIsRead() throws Exception {
    byte[] file =
        new PcapngBuilder()
            .section(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(LinkType.LINUX_SLL, 0, 3, 0)
            .obsoletePacket(0, 1_234_567L, B)
            .build();
    CaptureContents c = CaptureContents.read(file);
    assertEquals(LinkType.LINUX_SLL, c.frames().get(0).linkType());
    assertEquals(1_234_567_000_000L, c.frames().get(0).timestampNanos());
    assertArrayEquals(B, c.frames().get(0).data());
  }

  @Test
  void unknownCustomStatisticsAndNameBlocksAreSkipped() throws Exception {
    byte[] file =
        new PcapngBuilder()
            .section(ByteOrder.LITTLE_ENDIAN)
            .block(0x0000_0BAD, bytes(23, 9))
            .interfaceDescription(LinkType.ETHERNET, 0, null, 0)
            .block(4, bytes(40, 3))
            .enhancedPacket(0, 0, A)
            .block(5, bytes(28, 4))
            .block(0x4000_0BAD, bytes(5, 5))
            .block(0x0000_000A, bytes(64, 6))
            .block(0x7777_1234, new byte[0])
            .enhancedPacket(0, 0, B)
            .build();
    CaptureContents c = CaptureContents.read(file);
    assertEquals(List.of(), c.warnings());
    assertEquals(2, c.frames().size());
    assertArrayEquals(B, c.frames().get(1).data());
  }

  @Test
  void fileTruncatedAtEveryLengthKeepsEarlierFramesAndWarnsOnlyInsideABlock() throws Exception {
    PcapngBuilder builder = mixedFile();
    byte[] file = builder.build();
    List<Integer> ends = builder.blockEnds();
    int sectionHeader = ends.get(0);
    for (int cut = 0; cut <= file.length; cut++) {
      byte[] truncated = Arrays.copyOf(file, cut);
      if (cut < sectionHeader) {
        assertThrows(CaptureFormatException.class, () -> CaptureContents.read(truncated));
        continue;
      }
      CaptureContents c = CaptureContents.read(truncated);
      int expected = framesBefore(cut, ends);
      assertEquals(expected, c.frames().size(), "cut at " + cut);
      assertEquals(ends.contains(cut) ? 0 : 1, c.warnings().size(), "cut at " + cut);
    }
  }

  private static int framesBefore(int cut, List<Integer> ends) {
    int[] packetBlocks = {2, 6, 7};
    int n = 0;
    for (int index : packetBlocks) {
      if (ends.get(index) <= cut) {
        n++;
      }
    }
    return n;
  }

  @Test
  void garbageAfterAValidFileWarnsAndKeepsTheValidFrames() throws Exception {
    byte[] file = mixedFile().raw(bytes(37, 11)).build();
    CaptureContents c = CaptureContents.read(file);
    assertEquals(3, c.frames().size());
    assertEquals(1, c.warnings().size());
    assertEquals("pcapng", c.warnings().get(0).protocol());
    assertEquals("test.pcap#frame=4", c.warnings().get(0).origin());
  }

  @Test
  void blockLengthThatOverClaimsStopsWithAWarning() throws Exception {
    byte[] file = mixedFile().enhancedPacket(0, 0, B).build();
    int lastBlock = file.length - (12 + 20 + B.length);
    ByteBuffer.wrap(file).order(ByteOrder.BIG_ENDIAN).putInt(lastBlock + 4, 1 << 20);
    CaptureContents c = CaptureContents.read(file);
    assertEquals(3, c.frames().size());
    assertEquals(1, c.warnings().size());
    assertTrue(c.warnings().get(0).message().contains("truncated"), c.warnings().get(0).message());
  }

  @Test
  void blockLengthThatIsNotAMultipleOfFourOrDisagreesWithItsTrailerStops() throws Exception {
    byte[] file = mixedFile().enhancedPacket(0, 0, B).enhancedPacket(0, 0, A).build();
    int lastBlock = file.length - (12 + 20 + 64);
    for (int bad : new int[] {12 + 20 + 64 - 2, 12 + 20 + 60, 8, 1 << 30}) {
      byte[] damaged = file.clone();
      ByteBuffer.wrap(damaged).order(ByteOrder.BIG_ENDIAN).putInt(lastBlock + 4, bad);
      CaptureContents c = CaptureContents.read(damaged);
      assertEquals(4, c.frames().size(), "length " + bad);
      assertEquals(1, c.warnings().size(), "length " + bad);
      assertEquals("test.pcap#frame=5", c.warnings().get(0).origin());
    }
  }

  @Test
  void capturedLengthBeyondItsBlockStopsWithAWarning() throws Exception {
    byte[] file =
        new PcapngBuilder()
            .section(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(LinkType.ETHERNET, 0, null, 0)
            .enhancedPacket(0, 0, A)
            .enhancedPacket(0, 0, A)
            .build();
    int secondBlock = file.length - (12 + 20 + 64);
    ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(secondBlock + 20, 65);
    CaptureContents c = CaptureContents.read(file);
    assertEquals(1, c.frames().size());
    assertEquals("test.pcap#frame=2", c.warnings().get(0).origin());
  }

  @Test
  void sectionHeaderWithBadByteOrderMagicIsNotACapture() {
    byte[] file = mixedFile().build();
    file[8] = 0x55;
    assertThrows(CaptureFormatException.class, () -> CaptureContents.read(file));
  }
}
