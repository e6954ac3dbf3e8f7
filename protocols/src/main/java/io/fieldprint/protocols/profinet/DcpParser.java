package io.fieldprint.protocols.profinet;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Cuts a DCP PDU into header and blocks, checking every length against the bytes present. */
public final class DcpParser {
  /** Upper bound on blocks read from one PDU (a full frame holds far fewer). */
  static final int MAX_BLOCKS = 64;

  private DcpParser() {}

  /** Result of parsing: a PDU, or the reason none could be read. */
  public sealed interface Result {}

  /** The PDU (possibly with problems noted). */
  public record Parsed(DcpPdu pdu) implements Result {}

  /** Nothing usable; {@code reason} says why. */
  public record Malformed(String reason) implements Result {}

  /**
   * Parses the bytes from {@code buffer.position()} (the FrameID) to its limit. Does not move the
   * position.
   */
  public static Result parse(ByteBuffer buffer) {
    int start = buffer.position();
    int end = buffer.limit();
    if (end - start < 2 + DcpHeader.LENGTH) {
      return new Malformed("DCP PDU of " + (end - start) + " bytes is shorter than its header");
    }
    DcpHeader header =
        new DcpHeader(
            buffer.getShort(start) & 0xFFFF,
            buffer.get(start + 2) & 0xFF,
            buffer.get(start + 3) & 0xFF,
            buffer.getInt(start + 4) & 0xFFFF_FFFFL,
            buffer.getShort(start + 8) & 0xFFFF,
            buffer.getShort(start + 10) & 0xFFFF);
    List<String> problems = new ArrayList<>();
    int dataStart = start + 2 + DcpHeader.LENGTH;
    int dataEnd = dataStart + header.dataLength();
    if (dataEnd > end) {
      problems.add(
          "DCPDataLength "
              + header.dataLength()
              + " claims more than the "
              + (end - dataStart)
              + " bytes present");
      dataEnd = end;
    }
    List<DcpBlock> blocks =
        header.blocksAreSelectors()
            ? selectors(buffer, dataStart, dataEnd, problems)
            : blocks(buffer, header, dataStart, dataEnd, problems);
    return new Parsed(new DcpPdu(header, List.copyOf(blocks), List.copyOf(problems)));
  }

  private static List<DcpBlock> selectors(ByteBuffer b, int from, int to, List<String> problems) {
    List<DcpBlock> out = new ArrayList<>();
    int at = from;
    while (at + 2 <= to && out.size() < MAX_BLOCKS) {
      out.add(new DcpBlock(b.get(at) & 0xFF, b.get(at + 1) & 0xFF, 0, -1, at + 2, 0));
      at += 2;
    }
    if (at < to && out.size() < MAX_BLOCKS) {
      problems.add("odd byte after the Get selectors");
    }
    return out;
  }

  private static List<DcpBlock> blocks(
      ByteBuffer b, DcpHeader header, int from, int to, List<String> problems) {
    boolean prefixed = header.blocksHaveBlockInfo() || header.blocksHaveBlockQualifier();
    List<DcpBlock> out = new ArrayList<>();
    int at = from;
    while (at < to) {
      if (out.size() == MAX_BLOCKS) {
        problems.add("more than " + MAX_BLOCKS + " blocks; the rest ignored");
        break;
      }
      if (to - at < 4) {
        problems.add((to - at) + " stray bytes where a block header was expected");
        break;
      }
      int option = b.get(at) & 0xFF;
      int suboption = b.get(at + 1) & 0xFF;
      int length = b.getShort(at + 2) & 0xFFFF;
      if (at + 4 + length > to) {
        problems.add(
            "block " + option + "/" + suboption + " claims " + length + " bytes past the data");
        break;
      }
      boolean hasPrefix = prefixed && length >= 2 && !isControlResponse(option, suboption);
      int prefix = hasPrefix ? b.getShort(at + 4) & 0xFFFF : -1;
      int valueOffset = at + 4 + (hasPrefix ? 2 : 0);
      out.add(
          new DcpBlock(
              option, suboption, length, prefix, valueOffset, length - (hasPrefix ? 2 : 0)));
      at += 4 + length + (length & 1);
    }
    return out;
  }

  /** Control/Response blocks (5/4) carry option, suboption and BlockError, no prefix. */
  private static boolean isControlResponse(int option, int suboption) {
    return option == DcpOptions.CONTROL && suboption == 4;
  }
}
