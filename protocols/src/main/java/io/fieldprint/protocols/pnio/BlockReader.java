package io.fieldprint.protocols.pnio;

import io.fieldprint.protocols.oui.MacAddress;
import io.fieldprint.protocols.sysdescr.DeviceText;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Reads one PN-IO block body front to back, big-endian (PN-IO blocks are big-endian whatever the
 * RPC data representation). Never reads past the body: a read that would sets {@link #overrun()}
 * and returns zero or an empty value, so a parser reads on and checks once at the end.
 */
final class BlockReader {
  private final ByteBuffer b;
  private final int end;
  private final int alignBase;
  private int at;
  private boolean overrun;

  /**
   * @param alignBase offset the 4-byte alignments (padding) of PN-IO blocks are counted from: the
   *     start of the RPC body
   */
  BlockReader(ByteBuffer b, int from, int end, int alignBase) {
    this.b = b;
    this.at = from;
    this.end = end;
    this.alignBase = alignBase;
  }

  /** The body of {@code h} (after its version bytes). */
  static BlockReader body(ByteBuffer b, BlockHeader h, int alignBase) {
    return new BlockReader(b, h.bodyStart(), h.end(), alignBase);
  }

  boolean overrun() {
    return overrun;
  }

  int position() {
    return at;
  }

  int end() {
    return end;
  }

  int remaining() {
    return end - at;
  }

  private boolean need(int n) {
    if (overrun || n < 0 || end - at < n) {
      overrun = true;
      at = end;
      return false;
    }
    return true;
  }

  int u8() {
    return need(1) ? b.get(at++) & 0xFF : 0;
  }

  int u16() {
    if (!need(2)) {
      return 0;
    }
    int v = NdrData.u16(b, at, false);
    at += 2;
    return v;
  }

  long u32() {
    if (!need(4)) {
      return 0;
    }
    long v = NdrData.u32(b, at, false);
    at += 4;
    return v;
  }

  UUID uuid() {
    if (!need(16)) {
      return new UUID(0, 0);
    }
    UUID v = NdrData.uuid(b, at, false);
    at += 16;
    return v;
  }

  String mac() {
    if (!need(6)) {
      return "";
    }
    String v = MacAddress.format(b, at);
    at += 6;
    return v;
  }

  String ipv4() {
    if (!need(4)) {
      return "";
    }
    String v = u8() + "." + u8() + "." + u8() + "." + u8();
    return v;
  }

  /** {@code length} bytes of device text, cleaned and capped at {@code max} characters. */
  String text(int length, int max) {
    if (!need(length)) {
      return "";
    }
    String v = DeviceText.decode(b, at, length, max);
    at += length;
    return v;
  }

  void skip(int n) {
    if (need(n)) {
      at += n;
    }
  }

  /** Skips the padding up to the next multiple of 4 from the alignment base. */
  void align4() {
    skip((4 - ((at - alignBase) & 3)) & 3);
  }
}
