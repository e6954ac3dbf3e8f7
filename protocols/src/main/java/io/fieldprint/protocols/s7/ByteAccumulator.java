package io.fieldprint.protocols.s7;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** Bytes gathered from several PDUs, refusing to grow past a limit. */
final class ByteAccumulator {
  private final int limit;
  private byte[] bytes = new byte[256];
  private int size;

  ByteAccumulator(int limit) {
    this.limit = limit;
  }

  /** Appends {@code b[at, end)}; {@code false} (and nothing appended) past the limit. */
  boolean append(ByteBuffer b, int at, int end) {
    int length = end - at;
    if (size + length > limit) {
      return false;
    }
    if (size + length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(bytes.length * 2, size + length)));
    }
    b.get(at, bytes, size, length);
    size += length;
    return true;
  }

  int size() {
    return size;
  }

  /** The bytes so far, as a new buffer. */
  ByteBuffer toBuffer() {
    return ByteBuffer.wrap(Arrays.copyOf(bytes, size));
  }

  void clear() {
    size = 0;
  }
}
