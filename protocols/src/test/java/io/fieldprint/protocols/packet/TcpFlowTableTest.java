package io.fieldprint.protocols.packet;

import static io.fieldprint.protocols.packet.LengthPrefixedProtocol.event;
import static io.fieldprint.protocols.packet.LengthPrefixedProtocol.pdu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.capture.CapturedFrame;
import io.fieldprint.protocols.decode.DecoderSet;
import io.fieldprint.protocols.decode.PduContext;
import io.fieldprint.protocols.decode.TcpFlow;
import io.fieldprint.protocols.decode.TcpSession;
import io.fieldprint.protocols.testing.RecordingSink;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpFlowTableTest {
  private static final byte[] P1 = pdu(10, 1);
  private static final byte[] P2 = pdu(20, 2);
  private static final long SECOND = 1_000_000_000L;

  @Test
  void manyMoreConnectionsThanTheCapKeepTheTableAtTheCap() {
    LengthPrefixedProtocol protocol = new LengthPrefixedProtocol();
    DissectorLimits limits = DissectorLimits.builder().maxTcpFlows(100).build();
    PacketDissector dissector =
        new PacketDissector(
            new DecoderSet(List.of(protocol), List.of(), List.of()), limits, new RecordingSink());
    int connections = 10_000;
    int maxTracked = 0;
    for (int i = 0; i < connections; i++) {
      TcpConversation c =
          new TcpConversation(
                  0x0A01_0000 + i, Frames.SERVER_IP, 40000, LengthPrefixedProtocol.PORT, i, -i)
              .numberedFrom(i * 10L + 1)
              .handshake()
              .client(Frames.concat(P1, pdu(200, 3)));
      for (CapturedFrame f : c.frames()) {
        dissector.accept(f, "many.pcap");
        maxTracked = Math.max(maxTracked, dissector.trackedConnections());
      }
    }
    assertEquals(100, maxTracked);
    DissectorStats stats = dissector.stats();
    assertEquals(connections, stats.tcpFlowsOpened());
    assertEquals(connections - 100, stats.tcpFlowsEvicted());
    dissector.finish();
    assertEquals(0, dissector.trackedConnections());
    assertEquals(connections, protocol.closedSessions());
    assertEquals(2L * connections, dissector.stats().pdus());
  }

  @Test
  void idleConnectionIsClosedWhenCaptureTimePassesTheTimeout() {
    LengthPrefixedProtocol protocol = new LengthPrefixedProtocol();
    DissectorLimits limits =
        DissectorLimits.builder().tcpIdleTimeout(Duration.ofSeconds(300)).build();
    List<CapturedFrame> frames = new ArrayList<>();
    long t0 = 1_700_000_000L * SECOND;
    frames.addAll(new TcpConversation(40000, 7777, 1, 2).at(t0).client(P1).frames());
    frames.addAll(
        new TcpConversation(40001, 7777, 1, 2)
            .at(t0 + 200 * SECOND)
            .numberedFrom(2)
            .client(P2)
            .frames());
    frames.addAll(
        new TcpConversation(40002, 7777, 1, 2)
            .at(t0 + 301 * SECOND)
            .numberedFrom(3)
            .client(P1)
            .frames());
    Dissection d = Dissection.tcp(protocol, limits, frames);
    assertEquals(
        List.of(event(false, P1), event(false, P2), "close", event(false, P1), "close", "close"),
        protocol.events);
    assertEquals(1, d.stats().tcpFlowsExpired());
  }

  @Test
  void sharedBufferBudgetBoundsWhatAllConnectionsHoldTogether() {
    LengthPrefixedProtocol protocol = new LengthPrefixedProtocol(60_000);
    DissectorLimits limits = DissectorLimits.builder().maxBufferedBytesTotal(64 * 1024).build();
    RecordingSink sink = new RecordingSink();
    PacketDissector dissector =
        new PacketDissector(new DecoderSet(List.of(protocol), List.of(), List.of()), limits, sink);
    byte[] big = pdu(50_000, 7);
    for (int i = 0; i < 50; i++) {
      TcpConversation c =
          new TcpConversation(40000 + i, LengthPrefixedProtocol.PORT, i, i).numberedFrom(i * 100L);
      c.clientStream(java.util.Arrays.copyOf(big, 20_000), 1400);
      c.frames().forEach(f -> dissector.accept(f, "budget.pcap"));
      assertTrue(dissector.bufferedBytes() <= 64 * 1024, "buffered " + dissector.bufferedBytes());
    }
    assertTrue(sink.warnings.stream().anyMatch(w -> w.message().contains("budget")));
    dissector.finish();
    assertEquals(0, dissector.bufferedBytes());
  }

  @Test
  void decoderThatThrowsLosesOnlyItsOwnConnection() {
    LengthPrefixedProtocol recording = new LengthPrefixedProtocol();
    LengthPrefixedProtocol throwing =
        new LengthPrefixedProtocol() {
          @Override
          public TcpSession openSession(TcpFlow flow) {
            TcpSession inner = recording.openSession(flow);
            return new TcpSession() {
              @Override
              public void onPdu(PduContext context, ByteBuffer pdu) {
                if (flow.client().port() == 40000) {
                  throw new IllegalStateException("boom");
                }
                inner.onPdu(context, pdu);
              }
            };
          }
        };
    List<CapturedFrame> frames = new ArrayList<>();
    frames.addAll(new TcpConversation(40000, 7777, 1, 2).client(P1).client(P2).frames());
    frames.addAll(
        new TcpConversation(40001, 7777, 1, 2).numberedFrom(3).client(P1).client(P2).frames());
    Dissection d = Dissection.tcp(throwing, frames);
    assertEquals(List.of(event(false, P1), event(false, P2)), recording.pdus());
    assertEquals(1, d.stats().decoderFailures());
    assertEquals(1, d.sink().warnings.size());
    assertTrue(d.sink().warnings.get(0).message().contains("boom"));
  }

  @Test
  void newSynOnAFinishedConnectionOpensANewSession() {
    LengthPrefixedProtocol protocol = new LengthPrefixedProtocol();
    TcpConversation first = new TcpConversation(40000, 7777, 100, 200).handshake().client(P1);
    first.clientFlags(TcpConversation.FIN | TcpConversation.ACK);
    first.serverFlags(TcpConversation.FIN | TcpConversation.ACK);
    TcpConversation second =
        new TcpConversation(40000, 7777, 9000, 9500).numberedFrom(7).handshake().client(P2);
    List<CapturedFrame> frames = new ArrayList<>(first.frames());
    frames.addAll(second.frames());
    Dissection d = Dissection.tcp(protocol, frames);
    assertEquals(List.of(event(false, P1), "close", event(false, P2), "close"), protocol.events);
    assertEquals(2, d.stats().tcpFlowsOpened());
  }

  @Test
  void resetClosesTheConnectionAndLaterSegmentsAreIgnored() {
    LengthPrefixedProtocol protocol = new LengthPrefixedProtocol();
    TcpConversation c = new TcpConversation(40000, 7777, 1, 2).handshake().client(P1);
    c.serverFlags(TcpConversation.RST).client(P2);
    Dissection.tcp(protocol, c.frames());
    assertEquals(List.of(event(false, P1), "close"), protocol.events);
  }
}
