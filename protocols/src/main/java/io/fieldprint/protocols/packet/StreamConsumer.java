package io.fieldprint.protocols.packet;

import java.nio.ByteBuffer;

/** Receives one direction of a TCP connection in sequence order. */
interface StreamConsumer {

  /** The next {@code length} stream bytes, at {@code offset} of {@code source} (valid only now). */
  void onData(ByteBuffer source, int offset, int length);

  /** {@code missingBytes} stream bytes were not captured; data resumes after them. */
  void onGap(long missingBytes);
}
