package io.fieldprint.protocols.s7;

import java.nio.ByteBuffer;

/** Big-endian reads at absolute offsets, whatever byte order the caller's buffer is set to. */
final class BigEndian {
  private BigEndian() {}

  static int u16(ByteBuffer b, int at) {
    return (b.get(at) & 0xFF) << 8 | (b.get(at + 1) & 0xFF);
  }
}
