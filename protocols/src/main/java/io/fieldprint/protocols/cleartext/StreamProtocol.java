package io.fieldprint.protocols.cleartext;

import io.fieldprint.protocols.decode.TcpProtocol;
import java.nio.ByteBuffer;

/**
 * Base of the line- and stream-oriented services: there is no frame to find, so every chunk the
 * reassembler has (up to {@value #MAX_CHUNK} bytes) is a PDU. Sessions look at the start of the
 * conversation and then ignore the rest.
 */
abstract class StreamProtocol implements TcpProtocol {
  static final int MAX_CHUNK = 4096;

  @Override
  public int maxPduLength() {
    return MAX_CHUNK;
  }

  @Override
  public int pduLength(ByteBuffer buffer) {
    return buffer.hasRemaining() ? Math.min(buffer.remaining(), MAX_CHUNK) : NEED_MORE;
  }
}
