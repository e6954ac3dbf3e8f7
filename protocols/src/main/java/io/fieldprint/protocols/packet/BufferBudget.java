package io.fieldprint.protocols.packet;

/** Bytes all TCP connections together may hold in reassembly and framing buffers. */
final class BufferBudget {
  private final long max;
  private long used;

  BufferBudget(long max) {
    this.max = max;
  }

  /** Takes {@code bytes} from the budget, or returns false and takes nothing. */
  boolean reserve(long bytes) {
    if (used + bytes > max) {
      return false;
    }
    used += bytes;
    return true;
  }

  void release(long bytes) {
    used -= bytes;
  }

  long used() {
    return used;
  }
}
