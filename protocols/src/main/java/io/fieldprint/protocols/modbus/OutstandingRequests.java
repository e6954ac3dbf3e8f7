package io.fieldprint.protocols.modbus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requests of one connection still waiting for their response, keyed by (transaction id, unit id)
 * so that pipelined requests pair with responses that come back in any order. Bounded: the oldest
 * entry is dropped when a client never gets answers.
 */
final class OutstandingRequests {
  static final int CAPACITY = 64;

  private final Map<Integer, Request> requests =
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Request> eldest) {
          return size() > CAPACITY;
        }
      };

  void put(int transactionId, int unitId, Request request) {
    requests.put(key(transactionId, unitId), request);
  }

  /** The request this response answers, removed, or {@code null} when it was not seen. */
  Request take(int transactionId, int unitId) {
    return requests.remove(key(transactionId, unitId));
  }

  int size() {
    return requests.size();
  }

  void clear() {
    requests.clear();
  }

  private static int key(int transactionId, int unitId) {
    return transactionId << 8 | unitId;
  }

  /**
   * The parts of a request its response does not repeat.
   *
   * @param functionCode the request's function code
   * @param objectId for Read Device Identification, the object id asked for; -1 otherwise
   */
  record Request(int functionCode, int objectId) {}
}
