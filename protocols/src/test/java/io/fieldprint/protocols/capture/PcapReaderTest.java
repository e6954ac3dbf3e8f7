package io.fieldprint.protocols.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapReaderTest {
  private static final byte[] A = bytes(60, 1);
  private static final byte[] B = bytes(1514, 2);
  private static final long T1 = 1_700_000_000_123_456_000L;
  private static final long T2 = 1_700_000_001_000_001_000L;

  @Test
  void littleEndianMicrosecondFileYieldsFramesWithTimestampsAndLengths() throws Exception {
    CaptureContents c =
        CaptureContents.read(PcapBuilder.ethernet().record(T1, A, 1000).record(T2, B).build());
    assertEquals(2, c.frames().size());
    assertEquals(new Header(1, T1, 1, 1000), Header.of(c.frames().get(0)));
    assertEquals(new Header(2, T2, 1, B.length), Header.of(c.frames().get(1)));
    assertArrayEquals(A, c.frames().get(0).data());
    assertArrayEquals(B, c.frames().get(1).data());
    assertTrue(c.warnings().isEmpty());
  }

  @Test
  void bigEndianNanosecondFileKeepsNanoseconds() throws Exception {
    long t = 1_600_000_000_987_654_321L;
    byte[] file =
        PcapBuilder.of(ByteOrder.BIG_ENDIAN, PcapReader.MAGIC_NANOS, 65535, 101)
            .record(t, A)
            .build();
    CaptureContents c = CaptureContents.read(file);
    assertEquals(new Header(1, t, 101, A.length), Header.of(c.frames().get(0)));
    assertArrayEquals(A, c.frames().get(0).data());
  }

  @Test
  void bigEndianMicrosecondAndLittleEndianNanosecondFilesAreRead() throws Exception {
    for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
      for (int magic : new int[] {PcapReader.MAGIC_MICROS, PcapReader.MAGIC_NANOS}) {
        byte[] file = PcapBuilder.of(order, magic, 65535, 1).record(T1, A).record(T2, B).build();
        CaptureContents c = CaptureContents.read(file);
        assertEquals(2, c.frames().size(), order + " " + Integer.toHexString(magic));
        assertEquals(T2, c.frames().get(1).timestampNanos());
      }
    }
  }

  @Test
  void modifiedKuznetzovFormatSkipsTheLongerRecordHeader() throws Exception {
    byte[] file =
        PcapBuilder.of(ByteOrder.LITTLE_ENDIAN, PcapReader.MAGIC_MODIFIED, 65535, 1)
            .record(T1, A)
            .record(T2, B)
            .build();
    CaptureContents c = CaptureContents.read(file);
    assertEquals(2, c.frames().size());
    assertArrayEquals(B, c.frames().get(1).data());
  }

  @Test
  void linkTypeIsTheLow16BitsOfTheHeaderField() throws Exception {
    int withFcsBits = 0x1400_0000 | 1;
    byte[] file =
        PcapBuilder.of(ByteOrder.LITTLE_ENDIAN, PcapReader.MAGIC_MICROS, 65535, withFcsBits)
            .record(T1, A)
            .build();
    assertEquals(1, CaptureContents.read(file).frames().get(0).linkType());
  }

  @Test
  void recordLongerThanSnaplenAndDefaultLimitStopsWithWarning() throws Exception {
    byte[] big = new byte[300_000];
    byte[] file =
        PcapBuilder.of(ByteOrder.LITTLE_ENDIAN, PcapReader.MAGIC_MICROS, 65535, 1)
            .record(T1, A)
            .record(T2, big)
            .record(T2, A)
            .build();
    CaptureContents c = CaptureContents.read(file);
    assertEquals(1, c.frames().size());
    assertEquals(1, c.warnings().size());
    assertEquals("test.pcap#frame=2", c.warnings().get(0).origin());
    assertTrue(c.warnings().get(0).message().contains("exceeds"), c.warnings().get(0).message());
  }

  @Test
  void recordUpToTheDefaultLimitIsAcceptedDespiteASmallerSnaplen() throws Exception {
    byte[] big = bytes(262_144, 7);
    byte[] file =
        PcapBuilder.of(ByteOrder.LITTLE_ENDIAN, PcapReader.MAGIC_MICROS, 1500, 1)
            .record(T1, big)
            .build();
    CaptureContents c = CaptureContents.read(file);
    assertArrayEquals(big, c.frames().get(0).data());
  }

  @Test
  void fileTruncatedAtEveryLengthKeepsEarlierFramesAndWarnsOnlyInsideARecord() throws Exception {
    byte[] file = PcapBuilder.ethernet().record(T1, A).record(T2, B).record(T1, A).build();
    int end1 = 24 + 16 + A.length;
    int end2 = end1 + 16 + B.length;
    for (int cut = 0; cut <= file.length; cut++) {
      byte[] truncated = Arrays.copyOf(file, cut);
      if (cut < 24) {
        assertThrows(CaptureFormatException.class, () -> CaptureContents.read(truncated));
        continue;
      }
      CaptureContents c = CaptureContents.read(truncated);
      int expected = cut >= file.length ? 3 : cut >= end2 ? 2 : cut >= end1 ? 1 : 0;
      assertEquals(expected, c.frames().size(), "cut at " + cut);
      boolean boundary = cut == 24 || cut == end1 || cut == end2 || cut == file.length;
      assertEquals(boundary ? 0 : 1, c.warnings().size(), "cut at " + cut);
      if (!boundary) {
        assertEquals("test.pcap#frame=" + (expected + 1), c.warnings().get(0).origin());
      }
    }
  }

  @Test
  void garbageAfterAValidFileWarnsAndKeepsTheValidFrames() throws Exception {
    byte[] file =
        PcapBuilder.ethernet()
            .record(T1, A)
            .record(T2, B)
            .raw("this is not a pcap record at all, just text".getBytes(StandardCharsets.US_ASCII))
            .build();
    CaptureContents c = CaptureContents.read(file);
    assertEquals(2, c.frames().size());
    assertEquals(1, c.warnings().size());
    assertEquals("pcap", c.warnings().get(0).protocol());
  }

  @Test
  void zeroLengthFileIsNotACapture(@TempDir Path dir) throws Exception {
    Path empty = Files.write(dir.resolve("empty.pcap"), new byte[0]);
    CaptureFormatException e =
        assertThrows(CaptureFormatException.class, () -> CaptureContents.read(empty));
    assertEquals("empty.pcap: empty file", e.getMessage());
  }

  @Test
  void textFileIsNotACapture(@TempDir Path dir) throws Exception {
    Path text = Files.writeString(dir.resolve("notes.txt"), "hello, this is a text file\n");
    CaptureFormatException e =
        assertThrows(CaptureFormatException.class, () -> CaptureContents.read(text));
    assertTrue(
        e.getMessage().startsWith("notes.txt: not a pcap or pcapng capture"), e.getMessage());
  }

  @Test
  void fileOnDiskIsStreamedThroughASmallBuffer(@TempDir Path dir) throws Exception {
    PcapBuilder builder = PcapBuilder.ethernet();
    int n = 3000;
    for (int i = 0; i < n; i++) {
      builder.record(T1 + i * 1000L, i % 2 == 0 ? A : B);
    }
    Path file = Files.write(dir.resolve("many.pcap"), builder.build());
    CaptureContents c = CaptureContents.read(file);
    assertEquals(n, c.frames().size());
    assertEquals(n, c.frames().get(n - 1).number());
    assertEquals(T1 + (n - 1) * 1000L, c.frames().get(n - 1).timestampNanos());
    assertArrayEquals(B, c.frames().get(n - 1).data());
  }

  static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31 + seed);
    }
    return b;
  }

  record Header(long number, long timestampNanos, int linkType, int original) {
    static Header of(CaptureContents.Frame f) {
      return new Header(f.number(), f.timestampNanos(), f.linkType(), f.original());
    }
  }
}
