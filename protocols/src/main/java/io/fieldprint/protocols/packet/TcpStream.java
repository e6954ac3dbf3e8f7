package io.fieldprint.protocols.packet;

import java.nio.ByteBuffer;

/**
 * Reassembles one direction of a TCP connection by sequence number: in-order bytes go straight to
 * the consumer; retransmitted and overlapping bytes are trimmed (the first copy wins); segments
 * after a hole are held, within the limits, until the hole fills. A hole that cannot fill (limits
 * reached, FIN/RST, idle, end of capture) is skipped with {@link StreamConsumer#onGap}. A direction
 * whose start was not captured starts at the first segment seen. Sequence numbers wrap.
 */
final class TcpStream {
  private final int maxQueuedBytes;
  private final int maxQueuedSegments;
  private final BufferBudget budget;
  private final DissectorCounters counters;
  private OutOfOrderQueue queue;
  private boolean started;
  private int nextSequence;

  TcpStream(DissectorLimits limits, BufferBudget budget, DissectorCounters counters) {
    this.maxQueuedBytes = limits.maxOutOfOrderBytesPerDirection();
    this.maxQueuedSegments = limits.maxOutOfOrderSegmentsPerDirection();
    this.budget = budget;
    this.counters = counters;
  }

  /**
   * One segment of this direction.
   *
   * @param sequence the segment's sequence number
   * @param syn whether SYN is set (the data then starts one later)
   * @param length captured payload bytes at {@code offset} of {@code source}
   * @param missing payload bytes the capture cut off after those (snaplen)
   */
  void segment(
      int sequence,
      boolean syn,
      ByteBuffer source,
      int offset,
      int length,
      int missing,
      StreamConsumer out) {
    int dataSequence = syn ? sequence + 1 : sequence;
    if (!started) {
      started = true;
      nextSequence = dataSequence;
    }
    if (length == 0 && missing == 0) {
      return;
    }
    if (dataSequence - nextSequence <= 0) {
      inOrder(dataSequence, source, offset, length, missing, out);
    } else {
      counters.tcpOutOfOrderSegments++;
      outOfOrder(dataSequence, source, offset, length, out);
    }
  }

  private void inOrder(
      int dataSequence,
      ByteBuffer source,
      int offset,
      int length,
      int missing,
      StreamConsumer out) {
    long seen = nextSequence - dataSequence;
    long total = (long) length + missing;
    if (seen < 0 || seen >= total) {
      counters.tcpRetransmissions++;
      return;
    }
    if (seen >= length) {
      skip(out, (int) (total - seen));
    } else {
      int fresh = length - (int) seen;
      nextSequence += fresh;
      out.onData(source, offset + (int) seen, fresh);
      if (missing > 0) {
        skip(out, missing);
      }
    }
    drain(out);
  }

  private void outOfOrder(
      int dataSequence, ByteBuffer source, int offset, int length, StreamConsumer out) {
    if (length == 0) {
      return;
    }
    while (dataSequence - nextSequence > 0) {
      if (fits(length)) {
        int stored = queue().insert(dataSequence, source, offset, length);
        budget.release(length - stored);
        return;
      }
      boolean beforeQueued =
          queue == null || queue.isEmpty() || dataSequence - queue.firstSequence() < 0;
      if (beforeQueued) {
        skip(out, dataSequence - nextSequence);
        drain(out);
      } else {
        skipToQueued(out);
      }
    }
    inOrder(dataSequence, source, offset, length, 0, out);
  }

  private boolean fits(int length) {
    int bytes = queue == null ? 0 : queue.bytes();
    int segments = queue == null ? 0 : queue.size();
    return bytes + length <= maxQueuedBytes
        && segments < maxQueuedSegments
        && budget.reserve(length);
  }

  private OutOfOrderQueue queue() {
    if (queue == null) {
      queue = new OutOfOrderQueue();
    }
    return queue;
  }

  /** Delivers queued segments that the stream has reached. */
  private void drain(StreamConsumer out) {
    while (queue != null && !queue.isEmpty() && queue.firstSequence() - nextSequence <= 0) {
      OutOfOrderQueue.Segment s = queue.pollFirst();
      budget.release(s.data().length);
      int seen = nextSequence - s.sequence();
      if (seen < s.data().length) {
        int fresh = s.data().length - seen;
        nextSequence += fresh;
        out.onData(ByteBuffer.wrap(s.data()), seen, fresh);
      }
    }
  }

  /** Gives up on the hole before the first queued segment. */
  private void skipToQueued(StreamConsumer out) {
    int hole = queue.firstSequence() - nextSequence;
    if (hole > 0) {
      skip(out, hole);
    }
    drain(out);
  }

  private void skip(StreamConsumer out, int missing) {
    nextSequence += missing;
    counters.tcpGaps++;
    counters.tcpGapBytes += Integer.toUnsignedLong(missing);
    out.onGap(Integer.toUnsignedLong(missing));
  }

  /** Skips every remaining hole and delivers what was held (FIN, RST, close). */
  void flush(StreamConsumer out) {
    while (queue != null && !queue.isEmpty()) {
      skipToQueued(out);
    }
  }

  /** Drops held segments and returns their budget. */
  void release() {
    if (queue != null) {
      budget.release(queue.clear());
      queue = null;
    }
  }
}
