package io.fieldprint.protocols.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fieldprint.protocols.decode.Endpoint;
import io.fieldprint.protocols.decode.ObservationSink;
import io.fieldprint.protocols.decode.PduContext;
import io.fieldprint.protocols.decode.TcpFlow;
import io.fieldprint.protocols.decode.TcpSession;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Finding;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.testing.RecordingSink;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

/**
 * Feeds test-built messages to one {@link OpcUaSession} through the SPI, one PDU at a time, the way
 * the dissector does (after checking {@link OpcUaTcpProtocol#pduLength}).
 */
final class SessionDriver {
  static final Endpoint CLIENT = new Endpoint("02:00:00:00:00:01", "10.0.0.5", 50123);
  static final Endpoint SERVER = new Endpoint("02:00:00:00:00:02", "10.0.0.17", 4840);
  static final DeviceRef CLIENT_DEVICE = CLIENT.device();
  static final DeviceRef SERVER_DEVICE = SERVER.device();

  final OpcUaTcpProtocol protocol;
  final TcpFlow flow = new TcpFlow(CLIENT, SERVER, true);
  final TcpSession session;
  final RecordingSink sink = new RecordingSink();
  Instant now = Instant.parse("2024-03-01T12:00:00Z");
  private int frame;

  SessionDriver() {
    this(new OpcUaTcpProtocol());
  }

  SessionDriver(OpcUaTcpProtocol protocol) {
    this.protocol = protocol;
    this.session = protocol.openSession(flow);
  }

  /** A context for one PDU in one direction. */
  PduContext context(boolean fromServer) {
    int number = ++frame;
    Instant at = now;
    return new PduContext() {
      @Override
      public TcpFlow flow() {
        return flow;
      }

      @Override
      public boolean fromServer() {
        return fromServer;
      }

      @Override
      public String origin() {
        return "test.pcap#frame=" + number;
      }

      @Override
      public Instant timestamp() {
        return at;
      }

      @Override
      public ObservationSink sink() {
        return sink;
      }
    };
  }

  SessionDriver fromClient(byte[] message) {
    return deliver(false, message);
  }

  SessionDriver fromServer(byte[] message) {
    return deliver(true, message);
  }

  /** Delivers one whole PDU; the protocol must agree it is exactly this long. */
  SessionDriver deliver(boolean fromServer, byte[] message) {
    assertEquals(message.length, protocol.pduLength(ByteBuffer.wrap(message)), "pduLength");
    session.onPdu(context(fromServer), ByteBuffer.wrap(message));
    return this;
  }

  /** Delivers bytes as a PDU without the pduLength check (hostile-input tests). */
  void raw(boolean fromServer, byte[] message) {
    session.onPdu(context(fromServer), ByteBuffer.wrap(message));
  }

  List<Observation> bySource(String source) {
    return sink.bySource(source);
  }

  Observation only(String source) {
    List<Observation> found = sink.bySource(source);
    assertEquals(1, found.size(), () -> "observations from " + source + ": " + found);
    return found.get(0);
  }

  List<Finding> findings(String rule) {
    return sink.findings.stream().filter(f -> f.rule().equals(rule)).toList();
  }

  /** Opens a channel with policy None (OPN request and response). */
  SessionDriver openNoneChannel(long channelId) {
    fromClient(UaMessages.open(0, UaMessages.NONE, null, null, UaMessages.openRequestBody(1)));
    return fromServer(
        UaMessages.open(
            channelId, UaMessages.NONE, null, null, UaMessages.openResponseBody(channelId)));
  }
}
