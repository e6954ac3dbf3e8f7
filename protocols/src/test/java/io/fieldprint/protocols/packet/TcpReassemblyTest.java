package io.fieldprint.protocols.packet;

import static io.fieldprint.protocols.packet.LengthPrefixedProtocol.event;
import static io.fieldprint.protocols.packet.LengthPrefixedProtocol.pdu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpReassemblyTest {
  private static final byte[] P1 = pdu(0, 1);
  private static final byte[] P2 = pdu(7, 2);
  private static final byte[] P3 = pdu(300, 3);
  private static final byte[] P4 = pdu(1, 4);
  private static final byte[] P5 = pdu(2000, 5);
  private static final byte[] STREAM = Frames.concat(P1, P2, P3, P4, P5);
  private static final byte[] REPLY = Frames.concat(pdu(20, 9), pdu(1500, 10));

  private static List<String> expected(boolean fromServer, byte[]... pdus) {
    List<String> events = new ArrayList<>();
    for (byte[] p : pdus) {
      events.add(event(fromServer, p));
    }
    return events;
  }

  private static TcpConversation connection() {
    return new TcpConversation(40000, LengthPrefixedProtocol.PORT, 1000, 5000).handshake();
  }

  @Test
  void streamSplitAtEverySegmentSizeYieldsTheSamePdus() {
    List<String> clientPdus = expected(false, P1, P2, P3, P4, P5);
    for (int size = 1; size <= STREAM.length; size++) {
      LengthPrefixedProtocol protocol = new LengthPrefixedProtocol();
      TcpConversation c = connection().clientStream(STREAM, size);
      Dissection.tcp(protocol, c.frames());
      assertEquals(clientPdus, protocol.pdus(), "segment size " + size);
    }
  }

  @Test
  void bothDirectionsAreFramedIndependentlyAtEverySplit() {
    for (int size = 1; size <= REPLY.length; size += 7) {
      LengthPrefixedProtocol protocol = new LengthPrefixedProtocol();
      TcpConversation c = connection().clientStream(P3, size).serverStream(REPLY, size);
      Dissection d = Dissection.tcp(protocol, c.frames());
      List<String> expected = new ArrayList<>(expected(false, P3));
      expected.addAll(expected(true, pdu(20, 9), pdu(1500, 10)));
      assertEquals(expected, protocol.pdus(), "segment size " + size);
      assertEquals(0, d.dissector().bufferedBytes());
    }
  }

  @Test
  void pduWhollyInsideOneSegmentIsPassedAsASliceOfTheFrame() {
    LengthPrefixedProtocol protocol = new LengthPrefixedProtocol();
    Dissection.tcp(protocol, connection().client(Frames.concat(P1, P2)).frames());
    assertEquals(expected(false, P1, P2), protocol.pdus());
    assertEquals(List.of("test.pcap#frame=4", "test.pcap#frame=4"), protocol.origins);
  }

  @Test
  void outOfOrderSegmentsAreDeliveredInSequence() {
    LengthPrefixedProtocol protocol = new LengthPrefixedProtocol();
    TcpConversation c = connection();
    int a = P1.length;
    int b = a + P2.length;
    c.clientAt(b, P3).clientAt(a, P2).clientAt(0, P1);
    Dissection d = Dissection.tcp(protocol, c.frames());
    assertEquals(expected(false, P1, P2, P3), protocol.pdus());
    assertEquals(2, d.stats().tcpOutOfOrderSegments());
    assertEquals(0, d.stats().tcpGaps());
  }

  @Test
  void retransmissionsAreDeliveredOnce() {
    LengthPrefixedProtocol protocol = new LengthPrefixedProtocol();
    TcpConversation c = connection().client(P1).clientAt(0, P1).client(P2).clientAt(0, P1);
    Dissection d = Dissection.tcp(protocol, c.frames());
    assertEquals(expected(false, P1, P2), protocol.pdus());
    assertEquals(2, d.stats().tcpRetransmissions());
  }

  @Test
  void overlappingSegmentsKeepTheFirstCopy() {
    byte[] original = pdu(16, 0x10);
    byte[] altered = original.clone();
    for (int i = 8; i < altered.length; i++) {
      altered[i] = (byte) 0xEE;
    }
    LengthPrefixedProtocol inOrder = new LengthPrefixedProtocol();
    Dissection.tcp(
        inOrder,
        connection()
            .clientAt(0, Arrays.copyOf(original, 12))
            .clientAt(6, Arrays.copyOfRange(altered, 6, 20))
            .frames());
    byte[] firstWins =
        Frames.concat(Arrays.copyOf(original, 12), Arrays.copyOfRange(altered, 12, 20));
    assertEquals(expected(false, firstWins), inOrder.pdus());

    LengthPrefixedProtocol queued = new LengthPrefixedProtocol();
    Dissection.tcp(
        queued,
        connection()
            .clientAt(10, Arrays.copyOfRange(altered, 10, 20))
            .clientAt(6, Arrays.copyOfRange(original, 6, 14))
            .clientAt(0, Arrays.copyOf(original, 8))
            .frames());
    byte[] merged = Frames.concat(Arrays.copyOf(original, 10), Arrays.copyOfRange(altered, 10, 20));
    assertEquals(expected(false, merged), queued.pdus());
  }

  @Test
  void gapIsReportedAndPdusAfterItAreStillFound() {
    LengthPrefixedProtocol protocol = new LengthPrefixedProtocol();
    TcpConversation c =
        connection()
            .client(P1)
            .client(Arrays.copyOf(P3, 100))
            .clientLoses(P3.length - 100 + 5)
            .client(Frames.concat(Arrays.copyOfRange(P4, 5, P4.length), P2, P4));
    Dissection d = Dissection.tcp(protocol, c.frames());
    List<String> events = new ArrayList<>(expected(false, P1));
    events.add("gap c>s " + (P3.length - 100 + 5));
    events.addAll(expected(false, P2, P4));
    events.add("close");
    assertEquals(events, protocol.events);
    assertEquals(1, d.stats().tcpGaps());
    assertEquals(P4.length - 5, d.stats().unframeableBytes());
  }

  @Test
  void holeThatNeverFillsIsSkippedWhenTheOutOfOrderLimitIsReached() {
    LengthPrefixedProtocol protocol = new LengthPrefixedProtocol();
    DissectorLimits limits = DissectorLimits.builder().maxOutOfOrderSegmentsPerDirection(2).build();
    int hole = P1.length;
    int p3 = hole + P2.length;
    int p4 = p3 + P3.length;
    int p5 = p4 + P4.length;
    TcpConversation c =
        connection().clientAt(0, P1).clientAt(p3, P3).clientAt(p4, P4).clientAt(p5, P5);
    Dissection d = Dissection.tcp(protocol, limits, c.frames());
    List<String> events = new ArrayList<>(expected(false, P1));
    events.add("gap c>s " + P2.length);
    events.addAll(expected(false, P3, P4, P5));
    events.add("close");
    assertEquals(events, protocol.events);
    assertEquals(1, d.stats().tcpGaps());
  }

  @Test
  void finSkipsAnOutstandingHoleAndClosesTheSession() {
    LengthPrefixedProtocol protocol = new LengthPrefixedProtocol();
    TcpConversation c = connection().clientAt(0, P1).clientAt(P1.length + P2.length, P3);
    c.clientLoses(P1.length + P2.length + P3.length)
        .clientFlags(TcpConversation.FIN | TcpConversation.ACK);
    c.serverFlags(TcpConversation.FIN | TcpConversation.ACK);
    Dissection.tcp(protocol, c.frames());
    List<String> events = new ArrayList<>(expected(false, P1));
    events.add("gap c>s " + P2.length);
    events.addAll(expected(false, P3));
    events.add("close");
    assertEquals(events, protocol.events);
  }

  @Test
  void captureStartingMidConnectionStartsAtTheFirstSegmentWithRolesFromThePort() {
    LengthPrefixedProtocol protocol = new LengthPrefixedProtocol();
    TcpConversation c =
        new TcpConversation(40000, LengthPrefixedProtocol.PORT, 77_000, 99_000)
            .client(Arrays.copyOfRange(P3, 50, P3.length))
            .server(P1)
            .client(P2);
    Dissection.tcp(protocol, c.frames());
    assertEquals(List.of(event(true, P1), event(false, P2)), protocol.pdus());
    assertEquals(false, protocol.flows.get(0).handshakeSeen());
    assertEquals(40000, protocol.flows.get(0).client().port());
    assertEquals("02:00:00:00:00:02", protocol.flows.get(0).server().mac());
    assertEquals("10.0.0.2", protocol.flows.get(0).server().ip());
  }

  @Test
  void sequenceNumbersWrapAround() {
    for (int isn = -40; isn < 0; isn += 3) {
      LengthPrefixedProtocol protocol = new LengthPrefixedProtocol();
      TcpConversation c =
          new TcpConversation(40000, LengthPrefixedProtocol.PORT, isn, -1).handshake();
      int a = P1.length;
      c.clientAt(a, P2).clientAt(0, P1);
      c.clientAt(a + P2.length, P3).clientAt(a, P2);
      Dissection.tcp(protocol, c.frames());
      assertEquals(expected(false, P1, P2, P3), protocol.pdus(), "isn " + isn);
    }
  }

  @Test
  void handshakeMakesTheSynSenderTheClientEvenFromTheWellKnownPort() {
    LengthPrefixedProtocol protocol = new LengthPrefixedProtocol();
    TcpConversation c = new TcpConversation(LengthPrefixedProtocol.PORT, 8080, 1, 2).handshake();
    c.client(P1).server(P2);
    Dissection.tcp(protocol, c.frames());
    assertEquals(true, protocol.flows.get(0).handshakeSeen());
    assertEquals(LengthPrefixedProtocol.PORT, protocol.flows.get(0).client().port());
    assertEquals(8080, protocol.flows.get(0).server().port());
    assertEquals(List.of(event(false, P1), event(true, P2)), protocol.pdus());
  }

  @Test
  void unknownPortIsRecognisedBySniffingAndTheSniffedSideIsTheClient() {
    LengthPrefixedProtocol protocol = new LengthPrefixedProtocol();
    TcpConversation c = new TcpConversation(48010, 50123, 1, 2);
    c.client(Arrays.copyOf(P3, 2)).client(Arrays.copyOfRange(P3, 2, P3.length)).server(P1);
    Dissection d = Dissection.tcp(protocol, c.frames());
    assertEquals(List.of(event(false, P3), event(true, P1)), protocol.pdus());
    assertEquals(48010, protocol.flows.get(0).client().port());
    assertEquals(1, d.stats().tcpFlowsDecoded());
  }

  @Test
  void connectionWithUnrecognisedFirstBytesIsIgnoredCheaply() {
    LengthPrefixedProtocol protocol = new LengthPrefixedProtocol();
    byte[] http =
        "GET / HTTP/1.1\r\nHost: x\r\n\r\n"
            .repeat(20)
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    TcpConversation c = new TcpConversation(40000, 80, 1, 2).handshake().client(http).client(P1);
    Dissection d = Dissection.tcp(protocol, c.frames());
    assertEquals(List.of(), protocol.events);
    assertEquals(1, d.stats().tcpFlowsIgnored());
    assertEquals(0, d.dissector().bufferedBytes());
  }

  @Test
  void perDirectionBufferCapMakesLongerPdusUnframeable() {
    LengthPrefixedProtocol protocol = new LengthPrefixedProtocol(60_000);
    DissectorLimits limits = DissectorLimits.builder().maxBufferedBytesPerDirection(1024).build();
    byte[] big = pdu(2000, 1);
    TcpConversation c = connection().clientStream(Frames.concat(P1, big, P2), 100);
    Dissection d = Dissection.tcp(protocol, limits, c.frames());
    assertEquals(expected(false, P1, P2), protocol.pdus());
    assertEquals(big.length, d.stats().unframeableBytes());
  }

  @Test
  void unframeableStreamIsDroppedAfterTheLimitAndResumesAtASegmentThatFrames() {
    LengthPrefixedProtocol protocol = new LengthPrefixedProtocol();
    DissectorLimits limits = DissectorLimits.builder().maxUnframeableBytes(500).build();
    byte[] junk = new byte[1200];
    TcpConversation c =
        connection().clientStream(junk, 100).client(Frames.concat(P4, new byte[3])).client(P2);
    Dissection d = Dissection.tcp(protocol, limits, c.frames());
    assertEquals(expected(false, P4, P2), protocol.pdus());
    assertEquals(1, d.sink().warnings.size());
    assertTrue(
        d.sink().warnings.get(0).message().contains("no test PDU"), d.sink().warnings.toString());
    assertEquals(junk.length + 3, d.stats().unframeableBytes());
  }
}
