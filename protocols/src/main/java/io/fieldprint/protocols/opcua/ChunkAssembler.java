package io.fieldprint.protocols.opcua;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * Reassembles messages split over several MSG chunks (Part 6 §6.7.2): all chunks of one direction
 * with the same SecureChannelId and RequestId, ordered by SequenceNumber, ending with an {@code F}
 * chunk; an {@code A} chunk aborts the message. Bounded in messages in progress, chunks per message
 * and bytes per message. Messages whose first chunk names a service nobody decodes are not buffered
 * at all.
 */
final class ChunkAssembler {

  /** What a chunk led to. */
  sealed interface Result permits Complete, Incomplete, Failed {}

  /** The message is complete; {@code body} is the concatenated plaintext. */
  record Complete(byte[] body) implements Result {}

  /** Nothing to decode yet (waiting for more chunks, or a message not of interest). */
  record Incomplete() implements Result {}

  /** The message cannot be reassembled. */
  record Failed(String reason) implements Result {}

  private static final Incomplete INCOMPLETE = new Incomplete();

  private record Piece(long sequence, byte[] bytes) {}

  private static final class Partial {
    final List<Piece> pieces = new ArrayList<>();
    boolean ignored;
    int bytes;
  }

  private final UaLimits limits;
  private final Map<Long, Partial> fromClient = new LinkedHashMap<>();
  private final Map<Long, Partial> fromServer = new LinkedHashMap<>();

  ChunkAssembler(UaLimits limits) {
    this.limits = limits;
  }

  private Map<Long, Partial> direction(boolean server) {
    return server ? fromServer : fromClient;
  }

  private static long key(long channelId, long requestId) {
    return (channelId << 32) | (requestId & 0xFFFF_FFFFL);
  }

  /** Whether a message with this key is being assembled (cheap when nothing is). */
  boolean inProgress(boolean server, long channelId, long requestId) {
    Map<Long, Partial> map = direction(server);
    return !map.isEmpty() && map.containsKey(key(channelId, requestId));
  }

  /**
   * Offers the body bytes {@code [from, to)} of a {@code C} or {@code F} chunk. {@code interesting}
   * says whether a message starting with an encoding id is worth buffering.
   */
  Result offer(
      boolean server,
      long channelId,
      long requestId,
      long sequence,
      boolean last,
      ByteBuffer pdu,
      int from,
      int to,
      IntPredicate interesting,
      Consumer<String> warn) {
    Map<Long, Partial> map = direction(server);
    long key = key(channelId, requestId);
    Partial partial = map.get(key);
    if (partial == null) {
      partial = start(map, key, pdu, from, to, interesting, warn);
    }
    if (partial.ignored) {
      if (last) {
        map.remove(key);
      }
      return INCOMPLETE;
    }
    if (!append(partial, sequence, pdu, from, to)) {
      return new Failed(
          "message on channel "
              + channelId
              + " request "
              + requestId
              + " exceeds "
              + limits.maxChunksPerMessage()
              + " chunks or "
              + limits.maxMessageBytes()
              + " bytes; not decoded");
    }
    if (!last) {
      return INCOMPLETE;
    }
    map.remove(key);
    return join(partial, sequence, channelId, requestId);
  }

  /** Copies a chunk's body; past the limits the message is marked ignored instead. */
  private boolean append(Partial partial, long sequence, ByteBuffer pdu, int from, int to) {
    int length = to - from;
    if (partial.pieces.size() >= limits.maxChunksPerMessage()
        || partial.bytes + length > limits.maxMessageBytes()) {
      partial.ignored = true;
      partial.pieces.clear();
      return false;
    }
    byte[] bytes = new byte[length];
    pdu.get(from, bytes);
    partial.pieces.add(new Piece(sequence, bytes));
    partial.bytes += length;
    return true;
  }

  private Partial start(
      Map<Long, Partial> map,
      long key,
      ByteBuffer pdu,
      int from,
      int to,
      IntPredicate interesting,
      Consumer<String> warn) {
    if (fromClient.size() + fromServer.size() >= limits.maxMessagesInProgress()) {
      Map<Long, Partial> fuller = fromClient.size() >= fromServer.size() ? fromClient : fromServer;
      Iterator<Long> oldest = fuller.keySet().iterator();
      oldest.next();
      oldest.remove();
      warn.accept(
          "more than "
              + limits.maxMessagesInProgress()
              + " chunked messages in progress; dropped the oldest");
    }
    Partial partial = new Partial();
    int encodingId = UaService.peekEncodingId(pdu, from, to);
    partial.ignored = encodingId >= 0 && !interesting.test(encodingId);
    map.put(key, partial);
    return partial;
  }

  /** Orders the pieces by sequence number and checks none is missing. */
  private static Result join(Partial partial, long finalSequence, long channelId, long requestId) {
    int n = partial.pieces.size();
    Piece[] ordered = new Piece[n];
    for (Piece p : partial.pieces) {
      long distance = (finalSequence - p.sequence) & 0xFFFF_FFFFL;
      int index = n - 1 - (int) Math.min(distance, Integer.MAX_VALUE);
      if (index < 0 || ordered[index] != null) {
        return new Failed(
            "chunks of channel "
                + channelId
                + " request "
                + requestId
                + " have missing or repeated sequence numbers; not decoded");
      }
      ordered[index] = p;
    }
    byte[] body = new byte[partial.bytes];
    int offset = 0;
    for (Piece p : ordered) {
      System.arraycopy(p.bytes, 0, body, offset, p.bytes.length);
      offset += p.bytes.length;
    }
    return new Complete(body);
  }

  /** An abort chunk: forgets the message. Returns whether one was in progress. */
  boolean abort(boolean server, long channelId, long requestId) {
    return direction(server).remove(key(channelId, requestId)) != null;
  }

  /** Bytes of one direction were lost: messages in progress there can never complete. */
  void clear(boolean server) {
    direction(server).clear();
  }
}
