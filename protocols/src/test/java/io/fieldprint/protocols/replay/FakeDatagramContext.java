package io.fieldprint.protocols.replay;

import io.fieldprint.protocols.decode.DatagramContext;
import io.fieldprint.protocols.decode.Endpoint;
import io.fieldprint.protocols.decode.ObservationSink;
import java.time.Instant;

/** A {@link DatagramContext} for tests that call a UDP decoder directly. */
public record FakeDatagramContext(
    Endpoint source, Endpoint destination, ObservationSink sink, String origin, Instant timestamp)
    implements DatagramContext {}
