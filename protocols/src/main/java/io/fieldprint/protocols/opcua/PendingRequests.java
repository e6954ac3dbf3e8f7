package io.fieldprint.protocols.opcua;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests waiting for their response on one connection, by SecureChannelId and RequestId. Only
 * requests whose answer fieldprint decodes are kept. Bounded; the oldest goes first.
 */
final class PendingRequests {

  /** A request worth pairing with its response. */
  sealed interface Pending permits ServerStatusRead, Activation {}

  /**
   * A ReadRequest that read Server_ServerStatus nodes.
   *
   * @param indices positions in NodesToRead of the nodes of interest
   * @param nodes the numeric ids (namespace 0) read at those positions
   */
  record ServerStatusRead(List<Integer> indices, List<Long> nodes) implements Pending {}

  /**
   * An ActivateSessionRequest.
   *
   * @param token the identity token sent
   */
  record Activation(UserIdentityToken token) implements Pending {}

  private final Map<Long, Pending> pending;

  PendingRequests(int maxPending) {
    this.pending =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, Pending> eldest) {
            return size() > maxPending;
          }
        };
  }

  private static long key(long channelId, long requestId) {
    return (channelId << 32) | (requestId & 0xFFFF_FFFFL);
  }

  void put(long channelId, long requestId, Pending request) {
    pending.put(key(channelId, requestId), request);
  }

  /** The request answered by this response, or {@code null}. */
  Pending take(long channelId, long requestId) {
    return pending.isEmpty() ? null : pending.remove(key(channelId, requestId));
  }

  void clear() {
    pending.clear();
  }
}
