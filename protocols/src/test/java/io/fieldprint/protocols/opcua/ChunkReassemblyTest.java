package io.fieldprint.protocols.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MSG chunks of one message: ordered, bounded, aborted, lost. */
class ChunkReassemblyTest {

  private static byte[] body() {
    List<byte[]> endpoints = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      endpoints.add(
          UaMessages.endpoint(
              "opc.tcp://10.0.0.17:" + (4840 + i),
              null,
              1,
              SecurityPolicy.NONE,
              List.of(UaMessages.tokenPolicy("anon", 0, null))));
    }
    return UaMessages.getEndpointsResponse(endpoints);
  }

  /** {@code body} cut into {@code n} chunks with sequence numbers from {@code firstSequence}. */
  private static List<byte[]> chunks(byte[] body, int n, long firstSequence, long requestId) {
    List<byte[]> out = new ArrayList<>();
    int size = (body.length + n - 1) / n;
    for (int i = 0; i < n; i++) {
      byte[] part =
          Arrays.copyOfRange(
              body, Math.min(i * size, body.length), Math.min((i + 1) * size, body.length));
      out.add(UaMessages.chunk(i == n - 1 ? 'F' : 'C', 9, firstSequence + i, requestId, part, 0));
    }
    return out;
  }

  private static SessionDriver channel() {
    return new SessionDriver().openNoneChannel(9);
  }

  private static int endpointCount(SessionDriver d) {
    return (Integer)
        d.only("opcua.get-endpoints-response").evidence().fields().get("endpointCount");
  }

  @Test
  void messageSplitAtEveryChunkCountReassemblesTheSame() {
    byte[] body = body();
    for (int n = 1; n <= 12; n++) {
      SessionDriver d = channel();
      chunks(body, n, 20, 5).forEach(d::fromServer);
      assertEquals(6, endpointCount(d), "chunks: " + n);
      assertTrue(d.sink.warnings.isEmpty(), () -> d.sink.warnings.toString());
    }
  }

  @Test
  void intermediateChunksDeliveredOutOfOrderAreOrderedBySequenceNumber() {
    List<byte[]> c = chunks(body(), 4, 20, 5);
    SessionDriver d =
        channel()
            .fromServer(c.get(1))
            .fromServer(c.get(2))
            .fromServer(c.get(0))
            .fromServer(c.get(3));
    assertEquals(6, endpointCount(d));
  }

  @Test
  void sequenceNumbersThatWrapAroundStillOrder() {
    SessionDriver d = channel();
    chunks(body(), 3, 0xFFFF_FFFFL, 5).forEach(d::fromServer);
    assertEquals(6, endpointCount(d));
  }

  @Test
  void interleavedMessagesOfDifferentRequestsAreKeptApart() {
    byte[] body = body();
    List<byte[]> a = chunks(body, 3, 20, 5);
    List<byte[]> b =
        chunks(
            UaMessages.findServersResponse(
                List.of(UaMessages.applicationDescription("urn:x", "X", 0, List.of()))),
            2,
            23,
            6);
    SessionDriver d =
        channel()
            .fromServer(a.get(0))
            .fromServer(b.get(0))
            .fromServer(a.get(1))
            .fromServer(b.get(1))
            .fromServer(a.get(2));
    assertEquals(6, endpointCount(d));
    assertEquals(1, d.bySource("opcua.find-servers-response").size());
  }

  @Test
  void abortChunkDiscardsTheMessageAndTheRequestIdCanBeReused() {
    List<byte[]> c = chunks(body(), 3, 20, 5);
    byte[] abort =
        UaMessages.chunk(
            'A', 9, 22, 5, new UaBinaryWriter().u32(0x80800000L).string("too large").toBytes(), 0);
    SessionDriver d = channel().fromServer(c.get(0)).fromServer(c.get(1)).fromServer(abort);
    assertTrue(d.bySource("opcua.get-endpoints-response").isEmpty());
    assertTrue(d.sink.warnings.isEmpty());
    chunks(body(), 2, 30, 5).forEach(d::fromServer);
    assertEquals(6, endpointCount(d));
  }

  @Test
  void missingChunkIsAWarningAndNothingIsDecoded() {
    List<byte[]> c = chunks(body(), 4, 20, 5);
    SessionDriver d = channel().fromServer(c.get(0)).fromServer(c.get(2)).fromServer(c.get(3));
    assertTrue(d.bySource("opcua.get-endpoints-response").isEmpty());
    assertEquals(1, d.sink.warnings.size());
    assertTrue(d.sink.warnings.get(0).message().contains("missing or repeated"));
  }

  @Test
  void repeatedChunkIsAWarning() {
    List<byte[]> c = chunks(body(), 3, 20, 5);
    SessionDriver d = channel().fromServer(c.get(0)).fromServer(c.get(0)).fromServer(c.get(2));
    assertEquals(1, d.sink.warnings.size());
  }

  @Test
  void moreChunksThanTheLimitAreDroppedWithOneWarning() {
    UaLimits limits = new UaLimits(256, 65536, 10_000, 10, 1 << 20, 1 << 20, 4, 8, 64);
    SessionDriver d = new SessionDriver(new OpcUaTcpProtocol(limits)).openNoneChannel(9);
    chunks(body(), 8, 20, 5).forEach(d::fromServer);
    assertTrue(d.bySource("opcua.get-endpoints-response").isEmpty());
    assertEquals(1, d.sink.warnings.size());
    assertTrue(d.sink.warnings.get(0).message().contains("exceeds 4 chunks"));
  }

  @Test
  void moreBytesThanTheLimitAreDropped() {
    UaLimits limits = new UaLimits(256, 65536, 10_000, 10, 1 << 20, 200, 256, 8, 64);
    SessionDriver d = new SessionDriver(new OpcUaTcpProtocol(limits)).openNoneChannel(9);
    chunks(body(), 6, 20, 5).forEach(d::fromServer);
    assertTrue(d.bySource("opcua.get-endpoints-response").isEmpty());
    assertEquals(1, d.sink.warnings.size());
  }

  @Test
  void tooManyMessagesInProgressEvictsTheOldest() {
    UaLimits limits = new UaLimits(256, 65536, 10_000, 10, 1 << 20, 1 << 20, 256, 2, 64);
    SessionDriver d = new SessionDriver(new OpcUaTcpProtocol(limits)).openNoneChannel(9);
    List<byte[]> first = chunks(body(), 2, 20, 5);
    d.fromServer(first.get(0));
    d.fromServer(chunks(body(), 2, 40, 6).get(0));
    d.fromServer(chunks(body(), 2, 50, 7).get(0));
    assertEquals(1, d.sink.warnings.size());
    assertTrue(d.sink.warnings.get(0).message().contains("dropped the oldest"));
    d.fromServer(first.get(1));
    assertTrue(d.bySource("opcua.get-endpoints-response").isEmpty());
  }

  @Test
  void messagesOfServicesNotDecodedAreNotBuffered() {
    UaLimits limits = new UaLimits(256, 65536, 10_000, 10, 1 << 20, 100, 256, 8, 64);
    SessionDriver d = new SessionDriver(new OpcUaTcpProtocol(limits)).openNoneChannel(9);
    byte[] publish =
        new UaBinaryWriter().nodeId(829).responseHeader(0).raw(new byte[400]).toBytes();
    chunks(publish, 5, 20, 8).forEach(d::fromServer);
    assertTrue(
        d.sink.warnings.isEmpty(),
        "a 400-byte Publish response over the 100-byte limit" + " is skipped, not buffered");
  }

  @Test
  void gapDropsPartialMessagesOfThatDirection() {
    List<byte[]> c = chunks(body(), 3, 20, 5);
    SessionDriver d = channel().fromServer(c.get(0)).fromServer(c.get(1));
    d.session.onGap(d.context(true), 1000);
    d.fromServer(c.get(2));
    assertTrue(d.bySource("opcua.get-endpoints-response").isEmpty());
  }

  @Test
  void requestsAndResponsesWithTheSameRequestIdAreAssembledSeparately() {
    byte[] request =
        UaMessages.createSessionRequest(
            UaMessages.applicationDescription("urn:hmi", "HMI", 1, List.of()), null);
    List<byte[]> req = chunks(request, 2, 20, 5);
    List<byte[]> resp = chunks(body(), 2, 20, 5);
    SessionDriver d = channel();
    d.fromClient(req.get(0)).fromServer(resp.get(0)).fromClient(req.get(1)).fromServer(resp.get(1));
    assertEquals(1, d.bySource("opcua.create-session-request").size());
    assertEquals(6, endpointCount(d));
  }
}
