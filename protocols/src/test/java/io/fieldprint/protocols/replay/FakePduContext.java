package io.fieldprint.protocols.replay;

import io.fieldprint.protocols.decode.Endpoint;
import io.fieldprint.protocols.decode.ObservationSink;
import io.fieldprint.protocols.decode.PduContext;
import io.fieldprint.protocols.decode.TcpFlow;
import java.time.Instant;

/** A {@link PduContext} for tests that call a session directly. */
public record FakePduContext(
    TcpFlow flow, boolean fromServer, ObservationSink sink, String origin, Instant timestamp)
    implements PduContext {

  public static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  /** A flow from 10.0.0.1:49152 (client) to 10.0.0.2:{@code serverPort}. */
  public static TcpFlow flow(int serverPort) {
    return new TcpFlow(
        new Endpoint("00:00:00:00:00:01", "10.0.0.1", 49152),
        new Endpoint("00:00:00:00:00:02", "10.0.0.2", serverPort),
        true);
  }

  public static FakePduContext toServer(TcpFlow flow, ObservationSink sink, int frame) {
    return new FakePduContext(flow, false, sink, "test.pcap#frame=" + frame, T0.plusSeconds(frame));
  }

  public static FakePduContext fromServer(TcpFlow flow, ObservationSink sink, int frame) {
    return new FakePduContext(flow, true, sink, "test.pcap#frame=" + frame, T0.plusSeconds(frame));
  }
}
