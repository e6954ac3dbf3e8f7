package io.fieldprint.protocols.decode;

import java.time.Instant;

/** Where and when the bytes a decoder is looking at were captured. */
public interface PacketContext {

  /** Locator of the frame, {@code capture.pcap#frame=123}; computed on demand. */
  String origin();

  /** Capture time of the frame. */
  Instant timestamp();

  /** Where to report observations, findings and warnings. */
  ObservationSink sink();
}
