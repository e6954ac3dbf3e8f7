package io.fieldprint.protocols.capture;

import io.fieldprint.protocols.decode.DecodeWarning;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads pcapng files: any number of sections (each Section Header Block sets the byte order and
 * resets the interface table), per-interface link type, snaplen, {@code if_tsresol} and {@code
 * if_tsoffset}; Enhanced, Simple and (obsolete) Packet Blocks. Every other block is skipped by its
 * length. A corrupt or truncated block ends the file with a warning; the frames before it are kept.
 *
 * <p>Block: BlockType u32, BlockTotalLength u32, body, BlockTotalLength u32 (a multiple of 4, at
 * least 12).
 */
public final class PcapngReader implements CaptureReader {
  static final int SECTION_HEADER = 0x0A0D0D0A;
  static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
  static final int INTERFACE_DESCRIPTION = 1;
  static final int PACKET = 2;
  static final int SIMPLE_PACKET = 3;
  static final int ENHANCED_PACKET = 6;

  /** Largest block accepted. */
  static final int MAX_BLOCK_LENGTH = 16 << 20;

  private static final int MIN_SECTION_HEADER_LENGTH = 28;

  private final ChannelInput input;
  private final String captureName;
  private final Consumer<DecodeWarning> warnings;
  private final List<PcapngInterface> interfaces = new ArrayList<>();
  private long frameNumber;
  private boolean finished;

  PcapngReader(ChannelInput input, String captureName, Consumer<DecodeWarning> warnings)
      throws IOException {
    this.input = input;
    this.captureName = captureName;
    this.warnings = warnings;
    String problem = readSectionHeader();
    if (problem != null) {
      throw new CaptureFormatException(captureName, problem);
    }
  }

  @Override
  public CapturedFrame next() throws IOException {
    while (!finished) {
      if (!input.request(8)) {
        return end(input.available() == 0 ? null : "block header truncated");
      }
      ByteBuffer b = input.buffer();
      int type = b.getInt(b.position());
      if (type == SECTION_HEADER) {
        String problem = readSectionHeader();
        if (problem != null) {
          return end(problem);
        }
        continue;
      }
      long length = Integer.toUnsignedLong(b.getInt(b.position() + 4));
      String problem = checkBlock(type, length);
      if (problem != null) {
        return end(problem);
      }
      CapturedFrame frame = readBlock(type, (int) length);
      input.skip(length);
      if (frame != null) {
        return frame;
      }
    }
    return null;
  }

  /** Validates the block at the position and makes all of it available; a problem or null. */
  private String checkBlock(int type, long length) throws IOException {
    if (length < 12 || (length & 3) != 0 || length > MAX_BLOCK_LENGTH) {
      return "block type 0x" + Integer.toHexString(type) + " has invalid length " + length;
    }
    if (!input.request((int) length)) {
      return "block truncated: " + input.available() + " of " + length + " bytes";
    }
    ByteBuffer b = input.buffer();
    long trailing = Integer.toUnsignedLong(b.getInt(b.position() + (int) length - 4));
    if (trailing != length) {
      return "block length " + length + " does not match trailing length " + trailing;
    }
    return null;
  }

  /** Reads one complete, validated block; a frame for packet blocks, otherwise null. */
  private CapturedFrame readBlock(int type, int length) {
    ByteBuffer b = input.buffer();
    int p = b.position();
    switch (type) {
      case INTERFACE_DESCRIPTION -> {
        if (length >= 20) {
          interfaces.add(PcapngInterface.parse(b, p + 8, p + length - 4));
        } else {
          warn(frameNumber + 1, "interface description block too short, ignored");
        }
        return null;
      }
      case ENHANCED_PACKET -> {
        return packet(b.getInt(p + 8), p, length);
      }
      case PACKET -> {
        return packet(b.getShort(p + 8) & 0xFFFF, p, length);
      }
      case SIMPLE_PACKET -> {
        return simplePacket(p, length);
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * EPB (InterfaceID u32) and PB (InterfaceID u16, DropsCount u16), then TimestampHigh u32,
   * TimestampLow u32, CapturedLen u32, OriginalLen u32, data at 28.
   */
  private CapturedFrame packet(int interfaceId, int p, int length) {
    ByteBuffer b = input.buffer();
    long number = ++frameNumber;
    if (length < 32) {
      return corrupt(number, "packet block too short (" + length + " bytes)");
    }
    long captured = Integer.toUnsignedLong(b.getInt(p + 20));
    if (captured > length - 32) {
      return corrupt(number, "captured length " + captured + " exceeds its block");
    }
    if (interfaceId < 0 || interfaceId >= interfaces.size()) {
      warn(number, "packet references unknown interface " + Integer.toUnsignedString(interfaceId));
      return null;
    }
    PcapngInterface in = interfaces.get(interfaceId);
    long units =
        (Integer.toUnsignedLong(b.getInt(p + 12)) << 32) | Integer.toUnsignedLong(b.getInt(p + 16));
    int original = (int) Math.min(Integer.toUnsignedLong(b.getInt(p + 24)), Integer.MAX_VALUE);
    return new CapturedFrame(
        number, in.toNanos(units), in.linkType(), b.slice(p + 28, (int) captured), original);
  }

  /** SPB: original length, data; interface 0, no timestamp. */
  private CapturedFrame simplePacket(int p, int length) {
    ByteBuffer b = input.buffer();
    long number = ++frameNumber;
    if (length < 16) {
      return corrupt(number, "simple packet block too short (" + length + " bytes)");
    }
    if (interfaces.isEmpty()) {
      warn(number, "simple packet block without an interface description");
      return null;
    }
    PcapngInterface in = interfaces.get(0);
    long original = Integer.toUnsignedLong(b.getInt(p + 8));
    long captured = Math.min(original, length - 16L);
    if (in.snaplen() > 0) {
      captured = Math.min(captured, in.snaplen());
    }
    return new CapturedFrame(
        number,
        0,
        in.linkType(),
        b.slice(p + 12, (int) captured),
        (int) Math.min(original, Integer.MAX_VALUE));
  }

  /**
   * Reads the Section Header Block at the position: type, length, ByteOrderMagic u32, major u16,
   * minor u16, SectionLength i64, options. Returns a problem, or null after consuming the block.
   */
  private String readSectionHeader() throws IOException {
    if (!input.request(12)) {
      return "section header block truncated";
    }
    ByteBuffer b = input.buffer();
    int p = b.position();
    if (b.order(ByteOrder.BIG_ENDIAN).getInt(p) != SECTION_HEADER) {
      return "not a pcapng file";
    }
    int magic = b.getInt(p + 8);
    if (magic == Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
      input.order(ByteOrder.LITTLE_ENDIAN);
    } else if (magic != BYTE_ORDER_MAGIC) {
      return "section header has an invalid byte-order magic";
    }
    long length = Integer.toUnsignedLong(b.getInt(p + 4));
    if (length < MIN_SECTION_HEADER_LENGTH) {
      return "section header block has invalid length " + length;
    }
    String problem = checkBlock(SECTION_HEADER, length);
    if (problem != null) {
      return problem;
    }
    int major = input.buffer().getShort(input.buffer().position() + 12) & 0xFFFF;
    if (major != 1) {
      return "unsupported pcapng version " + major;
    }
    interfaces.clear();
    input.skip(length);
    return null;
  }

  private CapturedFrame corrupt(long number, String problem) {
    finished = true;
    warn(number, problem + "; reading stopped");
    return null;
  }

  private CapturedFrame end(String problem) {
    finished = true;
    if (problem != null) {
      warn(frameNumber + 1, problem + "; reading stopped");
    }
    return null;
  }

  private void warn(long number, String message) {
    warnings.accept(new DecodeWarning(captureName + "#frame=" + number, "pcapng", message));
  }

  @Override
  public void close() throws IOException {
    input.close();
  }
}
