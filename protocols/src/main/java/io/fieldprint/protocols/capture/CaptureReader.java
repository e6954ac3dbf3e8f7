package io.fieldprint.protocols.capture;

import java.io.Closeable;
import java.io.IOException;

/**
 * Streams frames out of a capture. Damage inside the capture (a truncated record, a corrupt block)
 * is reported as a warning and ends or skips as little as possible; only I/O failures throw.
 */
public interface CaptureReader extends Closeable {

  /**
   * The next frame, or {@code null} at the end of the capture. The frame's buffer is reused by the
   * next call.
   */
  CapturedFrame next() throws IOException;
}
