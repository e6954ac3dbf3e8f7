package io.fieldprint.protocols.packet;

import io.fieldprint.protocols.decode.ObservationSink;
import io.fieldprint.protocols.decode.PacketContext;
import java.time.Instant;
import java.util.Objects;

/**
 * The frame a decoder call is about. One instance per kind is reused for every call; the origin
 * string is built only when a decoder asks for it.
 */
abstract class FrameContext implements PacketContext {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final ObservationSink sink;
  private String captureName;
  private long frameNumber;
  private long timestampNanos;
  private String origin;

  FrameContext(ObservationSink sink) {
    this.sink = sink;
  }

  final void at(String captureName, long frameNumber, long timestampNanos) {
    if (frameNumber != this.frameNumber || !Objects.equals(captureName, this.captureName)) {
      origin = null;
    }
    this.captureName = captureName;
    this.frameNumber = frameNumber;
    this.timestampNanos = timestampNanos;
  }

  @Override
  public final String origin() {
    if (origin == null) {
      origin = captureName + "#frame=" + frameNumber;
    }
    return origin;
  }

  @Override
  public final Instant timestamp() {
    return Instant.ofEpochSecond(
        Math.floorDiv(timestampNanos, NANOS_PER_SECOND),
        Math.floorMod(timestampNanos, NANOS_PER_SECOND));
  }

  @Override
  public final ObservationSink sink() {
    return sink;
  }
}
