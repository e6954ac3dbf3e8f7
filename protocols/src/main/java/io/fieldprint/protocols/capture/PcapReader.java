package io.fieldprint.protocols.capture;

import io.fieldprint.protocols.decode.DecodeWarning;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * Reads classic libpcap files: both byte orders, microsecond ({@code A1B2C3D4}) and nanosecond
 * ({@code A1B23C4D}) timestamps, and the modified/Kuznetzov format ({@code A1B2CD34}, 8 more bytes
 * per record header). A truncated or implausible record ends the file with a warning; the frames
 * before it are kept.
 *
 * <p>Global header (24 bytes): magic u32, version major u16, minor u16, thiszone i32, sigfigs u32,
 * snaplen u32, linktype u32 (LINKTYPE in the low 16 bits, FCS information above). Record header (16
 * bytes, 24 in the modified format): ts_sec u32, ts_frac u32, incl_len u32, orig_len u32.
 */
public final class PcapReader implements CaptureReader {
  static final int MAGIC_MICROS = 0xA1B2C3D4;
  static final int MAGIC_NANOS = 0xA1B23C4D;
  static final int MAGIC_MODIFIED = 0xA1B2CD34;
  static final int HEADER_LENGTH = 24;

  /** Largest record accepted whatever the snaplen says. */
  static final int MAX_RECORD_LENGTH = 16 << 20;

  private static final int MIN_RECORD_LIMIT = 262_144;

  private final ChannelInput input;
  private final String captureName;
  private final Consumer<DecodeWarning> warnings;
  private final boolean nanos;
  private final int recordHeaderLength;
  private final int linkType;
  private final long recordLimit;
  private long frameNumber;
  private boolean finished;

  PcapReader(ChannelInput input, String captureName, Consumer<DecodeWarning> warnings)
      throws IOException {
    this.input = input;
    this.captureName = captureName;
    this.warnings = warnings;
    if (!input.request(HEADER_LENGTH)) {
      throw new CaptureFormatException(captureName, "pcap file header truncated");
    }
    ByteBuffer b = input.buffer();
    int p = b.position();
    int magic = b.order(ByteOrder.BIG_ENDIAN).getInt(p);
    if (!isMagic(magic)) {
      magic = Integer.reverseBytes(magic);
      input.order(ByteOrder.LITTLE_ENDIAN);
    }
    if (!isMagic(magic)) {
      throw new CaptureFormatException(captureName, "not a pcap file");
    }
    nanos = magic == MAGIC_NANOS;
    recordHeaderLength = magic == MAGIC_MODIFIED ? 24 : 16;
    int snaplen = b.getInt(p + 16);
    linkType = b.getInt(p + 20) & 0xFFFF;
    recordLimit =
        Math.min(Math.max(Integer.toUnsignedLong(snaplen), MIN_RECORD_LIMIT), MAX_RECORD_LENGTH);
    input.skip(HEADER_LENGTH);
  }

  static boolean isMagic(int magic) {
    return magic == MAGIC_MICROS || magic == MAGIC_NANOS || magic == MAGIC_MODIFIED;
  }

  /** LINKTYPE_* of every frame in the file. */
  public int linkType() {
    return linkType;
  }

  /** Whether timestamps have nanosecond resolution. */
  public boolean nanosecondResolution() {
    return nanos;
  }

  @Override
  public CapturedFrame next() throws IOException {
    if (finished) {
      return null;
    }
    if (!input.request(recordHeaderLength)) {
      return end(input.available() == 0 ? null : "record header truncated");
    }
    ByteBuffer b = input.buffer();
    int p = b.position();
    long seconds = Integer.toUnsignedLong(b.getInt(p));
    long fraction = Integer.toUnsignedLong(b.getInt(p + 4));
    long included = Integer.toUnsignedLong(b.getInt(p + 8));
    int original = (int) Math.min(Integer.toUnsignedLong(b.getInt(p + 12)), Integer.MAX_VALUE);
    if (included > recordLimit) {
      return end("captured length " + included + " exceeds the limit of " + recordLimit);
    }
    int length = (int) included;
    if (!input.request(recordHeaderLength + length)) {
      return end(
          "record truncated: "
              + (input.available() - recordHeaderLength)
              + " of "
              + length
              + " bytes");
    }
    b = input.buffer();
    int start = b.position() + recordHeaderLength;
    frameNumber++;
    long timestamp = seconds * 1_000_000_000L + (nanos ? fraction : fraction * 1_000L);
    ByteBuffer data = b.slice(start, length);
    input.skip(recordHeaderLength + length);
    return new CapturedFrame(frameNumber, timestamp, linkType, data, original);
  }

  private CapturedFrame end(String problem) {
    finished = true;
    if (problem != null) {
      warnings.accept(
          new DecodeWarning(
              captureName + "#frame=" + (frameNumber + 1), "pcap", problem + "; reading stopped"));
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    input.close();
  }
}
