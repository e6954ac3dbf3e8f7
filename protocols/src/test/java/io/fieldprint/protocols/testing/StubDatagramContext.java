package io.fieldprint.protocols.testing;

import io.fieldprint.protocols.decode.DatagramContext;
import io.fieldprint.protocols.decode.Endpoint;
import io.fieldprint.protocols.decode.ObservationSink;
import java.time.Instant;

/** A {@link DatagramContext} with fixed endpoints that records into a {@link RecordingSink}. */
public record StubDatagramContext(Endpoint source, Endpoint destination, RecordingSink recording)
    implements DatagramContext {

  public static StubDatagramContext of(Endpoint source, Endpoint destination) {
    return new StubDatagramContext(source, destination, new RecordingSink());
  }

  @Override
  public String origin() {
    return "test.pcap#frame=1";
  }

  @Override
  public Instant timestamp() {
    return StubLinkContext.AT;
  }

  @Override
  public ObservationSink sink() {
    return recording;
  }
}
