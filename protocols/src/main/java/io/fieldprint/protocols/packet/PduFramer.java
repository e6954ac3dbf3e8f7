package io.fieldprint.protocols.packet;

import io.fieldprint.protocols.decode.TcpProtocol;
import java.nio.ByteBuffer;

/**
 * Cuts one direction of a reassembled stream into PDUs with {@link TcpProtocol#pduLength}. A PDU
 * that lies wholly in the arriving bytes is handed over as a slice of them (no copy); only an
 * unfinished PDU is copied into the direction's buffer. Bytes that cannot start a PDU are skipped
 * one at a time; after {@code maxUnframeableBytes} of them the direction is given up until a gap,
 * or until a segment starts with something that frames.
 */
final class PduFramer {

  /** Where cut PDUs and framing trouble go. */
  interface Listener {
    void onPdu(ByteBuffer pdu);

    void onUnframeable(long skippedBytes);

    /** The direction was given up after too many unframeable bytes, or the budget ran out. */
    void onGivingUp(String reason);
  }

  private static final byte[] EMPTY = new byte[0];
  private static final int MIN_BUFFER = 1024;
  private static final int KEPT_BUFFER = 4096;

  private final TcpProtocol protocol;
  private final int maxPdu;
  private final int maxUnframeable;
  private final BufferBudget budget;
  private final Listener listener;
  private byte[] pending = EMPTY;
  private ByteBuffer pendingView = ByteBuffer.wrap(EMPTY);
  private int pendingLength;
  private int unframeable;
  private boolean discarding;

  PduFramer(TcpProtocol protocol, DissectorLimits limits, BufferBudget budget, Listener listener) {
    this.protocol = protocol;
    this.maxPdu =
        Math.max(1, Math.min(protocol.maxPduLength(), limits.maxBufferedBytesPerDirection()));
    this.maxUnframeable = limits.maxUnframeableBytes();
    this.budget = budget;
    this.listener = listener;
  }

  void onData(ByteBuffer source, int offset, int length) {
    if (discarding) {
      if (!startsPdu(source, offset, length)) {
        listener.onUnframeable(length);
        return;
      }
      discarding = false;
      unframeable = 0;
    }
    while (length > 0 && !discarding) {
      int take;
      if (pendingLength == 0) {
        int end = offset + length;
        int next = frame(source.duplicate(), offset, end);
        length = end - next;
        offset = next;
        if (length == 0 || discarding) {
          break;
        }
        take = length;
      } else {
        take = Math.min(length, maxPdu - pendingLength);
      }
      if (!append(source, offset, take)) {
        break;
      }
      offset += take;
      length -= take;
      framePending();
    }
    if (discarding && length > 0) {
      listener.onUnframeable(length);
    }
  }

  /** Bytes were lost: the unfinished PDU is dropped and framing starts afresh. */
  void onGap() {
    dropPending();
    discarding = false;
    unframeable = 0;
  }

  /**
   * Cuts PDUs from {@code window} between {@code start} and {@code end}; returns the index of the
   * first byte not consumed (the start of an unfinished PDU), or {@code end}.
   */
  private int frame(ByteBuffer window, int start, int end) {
    int p = start;
    while (p < end) {
      window.limit(end).position(p);
      int n = protocol.pduLength(window);
      if (n > 0 && n <= maxPdu) {
        if (n > end - p) {
          return p;
        }
        unframeable = 0;
        listener.onPdu(window.slice(p, n));
        p += n;
      } else if (n == TcpProtocol.NEED_MORE && end - p < maxPdu) {
        return p;
      } else {
        p++;
        listener.onUnframeable(1);
        if (++unframeable >= maxUnframeable) {
          discarding = true;
          listener.onGivingUp("no " + protocol.name() + " PDU found in " + unframeable + " bytes");
          listener.onUnframeable(end - p);
          return end;
        }
      }
    }
    return p;
  }

  private void framePending() {
    int next = frame(pendingView, 0, pendingLength);
    if (discarding || next == pendingLength) {
      dropPending();
      return;
    }
    if (next > 0) {
      System.arraycopy(pending, next, pending, 0, pendingLength - next);
      pendingLength -= next;
    }
  }

  private boolean append(ByteBuffer source, int offset, int length) {
    int needed = pendingLength + length;
    if (needed > pending.length && !grow(needed)) {
      dropPending();
      discarding = true;
      listener.onGivingUp("TCP buffer budget exhausted");
      return false;
    }
    source.get(offset, pending, pendingLength, length);
    pendingLength = needed;
    return true;
  }

  private boolean grow(int needed) {
    int capacity = Math.min(maxPdu, Math.max(needed, Math.max(MIN_BUFFER, pending.length * 2)));
    if (!budget.reserve(capacity - pending.length)) {
      return false;
    }
    byte[] larger = new byte[capacity];
    System.arraycopy(pending, 0, larger, 0, pendingLength);
    pending = larger;
    pendingView = ByteBuffer.wrap(pending);
    return true;
  }

  private void dropPending() {
    pendingLength = 0;
    if (pending.length > KEPT_BUFFER) {
      release();
    }
  }

  /** Returns the buffer to the budget. */
  void release() {
    budget.release(pending.length);
    pending = EMPTY;
    pendingView = ByteBuffer.wrap(EMPTY);
    pendingLength = 0;
  }

  private boolean startsPdu(ByteBuffer source, int offset, int length) {
    ByteBuffer window = source.duplicate();
    window.limit(offset + length).position(offset);
    int n = protocol.pduLength(window);
    return n > 0 && n <= maxPdu;
  }
}
