package io.fieldprint.protocols.packet;

import io.fieldprint.protocols.decode.ObservationSink;
import io.fieldprint.protocols.decode.PduContext;
import io.fieldprint.protocols.decode.TcpFlow;

/**
 * {@link PduContext} for calls into a TCP session. The frame is the connection's latest one: the
 * frame that completed the PDU, or for a close, the last frame seen.
 */
final class TcpPduContext extends FrameContext implements PduContext {
  private TcpFlow flow;
  private boolean fromServer;

  TcpPduContext(ObservationSink sink) {
    super(sink);
  }

  TcpPduContext of(TcpConnection connection, boolean fromServer) {
    at(connection.lastCapture, connection.lastFrame, connection.lastSeenNanos);
    this.flow = connection.flow;
    this.fromServer = fromServer;
    return this;
  }

  @Override
  public TcpFlow flow() {
    return flow;
  }

  @Override
  public boolean fromServer() {
    return fromServer;
  }
}
