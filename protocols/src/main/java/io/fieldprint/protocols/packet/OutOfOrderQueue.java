package io.fieldprint.protocols.packet;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies of segments that arrived after a hole, sorted by sequence number, never overlapping: a
 * segment is stored only where no earlier copy covers it (the first copy wins). Sequence numbers
 * are compared by signed difference, so wrap-around is harmless within a 2 GiB window.
 */
final class OutOfOrderQueue {

  /** Stream bytes starting at {@code sequence}. */
  record Segment(int sequence, byte[] data) {
    int end() {
      return sequence + data.length;
    }
  }

  private final List<Segment> segments = new ArrayList<>();
  private int bytes;

  boolean isEmpty() {
    return segments.isEmpty();
  }

  int size() {
    return segments.size();
  }

  int bytes() {
    return bytes;
  }

  int firstSequence() {
    return segments.get(0).sequence();
  }

  Segment pollFirst() {
    Segment first = segments.remove(0);
    bytes -= first.data().length;
    return first;
  }

  /**
   * Stores the parts of {@code [sequence, sequence + length)} not yet queued; returns the number of
   * bytes stored.
   */
  int insert(int sequence, ByteBuffer source, int offset, int length) {
    int current = sequence;
    int end = sequence + length;
    int stored = 0;
    int i = 0;
    while (i < segments.size() && end - current > 0) {
      Segment s = segments.get(i);
      if (s.end() - current <= 0) {
        i++;
        continue;
      }
      if (s.sequence() - end >= 0) {
        break;
      }
      if (s.sequence() - current > 0) {
        stored += add(i++, current, s.sequence() - current, sequence, source, offset);
      }
      current = s.end();
      i++;
    }
    if (end - current > 0) {
      stored += add(i, current, end - current, sequence, source, offset);
    }
    return stored;
  }

  private int add(int index, int from, int length, int base, ByteBuffer source, int offset) {
    byte[] data = new byte[length];
    source.get(offset + (from - base), data, 0, length);
    segments.add(index, new Segment(from, data));
    bytes += length;
    return length;
  }

  /** Drops everything; returns the bytes dropped. */
  int clear() {
    int dropped = bytes;
    segments.clear();
    bytes = 0;
    return dropped;
  }
}
