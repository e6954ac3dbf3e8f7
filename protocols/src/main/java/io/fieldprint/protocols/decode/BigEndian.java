package io.fieldprint.protocols.decode;

import java.nio.ByteBuffer;

/** Big-endian reads at absolute offsets, whatever byte order the caller's buffer is set to. */
public final class BigEndian {
  private BigEndian() {}

  public static int u16(ByteBuffer b, int at) {
    return (b.get(at) & 0xFF) << 8 | (b.get(at + 1) & 0xFF);
  }
}
