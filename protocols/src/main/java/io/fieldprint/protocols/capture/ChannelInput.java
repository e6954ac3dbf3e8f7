package io.fieldprint.protocols.capture;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;

/**
 * Streams a channel through one reusable buffer: the unread bytes lie between the buffer's position
 * and limit; {@link #request} compacts and refills, growing the buffer only for a record larger
 * than it (up to a fixed maximum). Memory use is therefore independent of the file size.
 */
final class ChannelInput implements Closeable {
  static final int INITIAL_CAPACITY = 1 << 20;

  private final ReadableByteChannel channel;
  private final int maxCapacity;
  private ByteBuffer buffer;
  private long offset;
  private boolean endOfInput;

  ChannelInput(ReadableByteChannel channel, int initialCapacity, int maxCapacity) {
    this.channel = channel;
    this.maxCapacity = maxCapacity;
    this.buffer = ByteBuffer.allocate(Math.min(initialCapacity, maxCapacity)).limit(0);
  }

  /**
   * Makes at least {@code n} unread bytes available from the buffer's position; {@code false} when
   * the input ends first (the bytes that were there stay available).
   */
  boolean request(int n) throws IOException {
    if (buffer.remaining() >= n) {
      return true;
    }
    if (n > maxCapacity) {
      throw new IllegalArgumentException("request of " + n + " bytes exceeds " + maxCapacity);
    }
    if (n > buffer.capacity()) {
      grow(n);
    }
    buffer.compact();
    try {
      while (buffer.position() < n && !endOfInput) {
        if (channel.read(buffer) < 0) {
          endOfInput = true;
        }
      }
    } finally {
      buffer.flip();
    }
    return buffer.remaining() >= n;
  }

  private void grow(int n) {
    int capacity = buffer.capacity();
    while (capacity < n) {
      capacity = (int) Math.min((long) capacity * 2, maxCapacity);
    }
    ByteBuffer larger = ByteBuffer.allocate(capacity).order(buffer.order());
    larger.put(buffer).flip();
    buffer = larger;
  }

  /** The buffer; unread bytes start at its position. Replaced when it grows. */
  ByteBuffer buffer() {
    return buffer;
  }

  /** Unread bytes currently buffered. */
  int available() {
    return buffer.remaining();
  }

  void order(ByteOrder order) {
    buffer.order(order);
  }

  /** File offset of the first unread byte. */
  long offset() {
    return offset;
  }

  /** Consumes {@code n} bytes, reading past the buffer when needed. */
  void skip(long n) throws IOException {
    int inBuffer = (int) Math.min(n, buffer.remaining());
    buffer.position(buffer.position() + inBuffer);
    offset += inBuffer;
    long rest = n - inBuffer;
    if (rest == 0) {
      return;
    }
    if (channel instanceof SeekableByteChannel seekable) {
      seekable.position(seekable.position() + rest);
      offset += rest;
      return;
    }
    while (rest > 0 && request(1)) {
      int step = (int) Math.min(rest, buffer.remaining());
      buffer.position(buffer.position() + step);
      offset += step;
      rest -= step;
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
