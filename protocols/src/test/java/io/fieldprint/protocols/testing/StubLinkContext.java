package io.fieldprint.protocols.testing;

import io.fieldprint.protocols.decode.LinkContext;
import io.fieldprint.protocols.decode.ObservationSink;
import java.time.Instant;

/** A {@link LinkContext} with fixed addresses that records into a {@link RecordingSink}. */
public record StubLinkContext(
    String sourceMac, String destinationMac, int vlanId, String origin, RecordingSink recording)
    implements LinkContext {

  public static final Instant AT = Instant.parse("2024-01-02T03:04:05Z");

  public static StubLinkContext of(String sourceMac, String destinationMac) {
    return new StubLinkContext(
        sourceMac, destinationMac, -1, "test.pcap#frame=1", new RecordingSink());
  }

  @Override
  public Instant timestamp() {
    return AT;
  }

  @Override
  public ObservationSink sink() {
    return recording;
  }
}
