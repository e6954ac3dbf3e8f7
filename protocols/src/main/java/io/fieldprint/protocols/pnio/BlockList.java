package io.fieldprint.protocols.pnio;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The PN-IO blocks laid end to end in a byte range (NDR argument data, record data, the body of a
 * MultipleBlockHeader), each checked against the range.
 *
 * @param blocks the complete blocks, in order
 * @param problem why the walk stopped early, or {@code null}
 */
record BlockList(List<BlockHeader> blocks, String problem) {
  /** Upper bound on blocks taken from one range (a full Connect request holds a few dozen). */
  static final int MAX_BLOCKS = 256;

  /**
   * Reads the blocks in {@code [from, to)}. When {@code cutExpected} (the first fragment of a
   * fragmented call) a block running past {@code to} ends the walk without a problem.
   */
  static BlockList read(ByteBuffer b, int from, int to, boolean cutExpected) {
    List<BlockHeader> blocks = new ArrayList<>();
    int at = from;
    while (at < to) {
      if (blocks.size() == MAX_BLOCKS) {
        return new BlockList(blocks, "more than " + MAX_BLOCKS + " blocks; the rest is ignored");
      }
      if (to - at < BlockHeader.SIZE) {
        String cut = (to - at) + " bytes after the last block are too short for a block header";
        return new BlockList(blocks, cutExpected ? null : cut);
      }
      BlockHeader h =
          new BlockHeader(
              at,
              NdrData.u16(b, at, false),
              NdrData.u16(b, at + 2, false),
              b.get(at + 4) & 0xFF,
              b.get(at + 5) & 0xFF);
      if (h.length() < 2) {
        return new BlockList(
            blocks, "block " + h.typeText() + " has BlockLength " + h.length() + ", below 2");
      }
      if (h.end() > to) {
        String over =
            "block "
                + h.typeText()
                + " claims "
                + (h.length() + 4)
                + " bytes, "
                + (to - at)
                + " left";
        return new BlockList(blocks, cutExpected ? null : over);
      }
      blocks.add(h);
      at = h.end();
    }
    return new BlockList(blocks, null);
  }
}
