package io.fieldprint.protocols.opcua;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The services of Part 4 by the numeric ids (namespace 0) of their request and response binary
 * encodings. A message body starts with one of these ids as a NodeId; fieldprint uses them to pick
 * the few services it decodes, to skip all others cheaply, and to recognise plaintext bodies on
 * secured channels.
 */
public enum UaService {
  FIND_SERVERS(422, 425),
  FIND_SERVERS_ON_NETWORK(12208, 12209),
  GET_ENDPOINTS(428, 431),
  REGISTER_SERVER(437, 440),
  REGISTER_SERVER2(12211, 12212),
  OPEN_SECURE_CHANNEL(446, 449),
  CLOSE_SECURE_CHANNEL(452, 455),
  CREATE_SESSION(461, 464),
  ACTIVATE_SESSION(467, 470),
  CLOSE_SESSION(473, 476),
  CANCEL(479, 482),
  ADD_NODES(488, 491),
  ADD_REFERENCES(494, 497),
  DELETE_NODES(500, 503),
  DELETE_REFERENCES(506, 509),
  BROWSE(527, 530),
  BROWSE_NEXT(533, 536),
  TRANSLATE_BROWSE_PATHS_TO_NODE_IDS(554, 557),
  REGISTER_NODES(560, 563),
  UNREGISTER_NODES(566, 569),
  QUERY_FIRST(615, 618),
  QUERY_NEXT(621, 624),
  READ(631, 634),
  HISTORY_READ(664, 667),
  WRITE(673, 676),
  HISTORY_UPDATE(700, 703),
  CALL(712, 715),
  CREATE_MONITORED_ITEMS(751, 754),
  MODIFY_MONITORED_ITEMS(763, 766),
  SET_MONITORING_MODE(769, 772),
  SET_TRIGGERING(775, 778),
  DELETE_MONITORED_ITEMS(781, 784),
  CREATE_SUBSCRIPTION(787, 790),
  MODIFY_SUBSCRIPTION(793, 796),
  SET_PUBLISHING_MODE(799, 802),
  PUBLISH(826, 829),
  REPUBLISH(832, 835),
  TRANSFER_SUBSCRIPTIONS(841, 844),
  DELETE_SUBSCRIPTIONS(847, 850);

  /** ServiceFault_Encoding_DefaultBinary: the response to any request that failed. */
  public static final int SERVICE_FAULT = 397;

  private static final Map<Integer, UaService> BY_ID = new HashMap<>();

  static {
    for (UaService s : values()) {
      BY_ID.put(s.requestId, s);
      BY_ID.put(s.responseId, s);
    }
  }

  private final int requestId;
  private final int responseId;

  UaService(int requestId, int responseId) {
    this.requestId = requestId;
    this.responseId = responseId;
  }

  public int requestId() {
    return requestId;
  }

  public int responseId() {
    return responseId;
  }

  /** The service one of whose encodings is {@code encodingId}, or {@code null}. */
  public static UaService of(int encodingId) {
    return BY_ID.get(encodingId);
  }

  /**
   * The encoding id a message body at {@code [from, to)} starts with, when it is a namespace-0
   * numeric NodeId (two-byte, four-byte or numeric form); -1 otherwise. Reads at most 7 bytes.
   */
  public static int peekEncodingId(ByteBuffer b, int from, int to) {
    if (to - from < 2) {
      return -1;
    }
    int encoding = b.get(from) & 0xFF;
    if (encoding == 0) {
      return b.get(from + 1) & 0xFF;
    }
    if (encoding == 1 && to - from >= 4 && b.get(from + 1) == 0) {
      return (b.get(from + 2) & 0xFF) | ((b.get(from + 3) & 0xFF) << 8);
    }
    if (encoding == 2 && to - from >= 7 && b.get(from + 1) == 0 && b.get(from + 2) == 0) {
      int id =
          (b.get(from + 3) & 0xFF)
              | ((b.get(from + 4) & 0xFF) << 8)
              | ((b.get(from + 5) & 0xFF) << 16)
              | ((b.get(from + 6) & 0x7F) << 24);
      return (b.get(from + 6) & 0x80) != 0 ? -1 : id;
    }
    return -1;
  }

  /** Whether {@code encodingId} is a request or response of a known service or a ServiceFault. */
  public static boolean isKnown(int encodingId) {
    return encodingId == SERVICE_FAULT || BY_ID.containsKey(encodingId);
  }

  /** The spec name of an encoding id, e.g. {@code ReadRequest}, or {@code i=<id>}. */
  public static String nameOf(int encodingId) {
    if (encodingId == SERVICE_FAULT) {
      return "ServiceFault";
    }
    UaService s = BY_ID.get(encodingId);
    if (s == null) {
      return "i=" + encodingId;
    }
    StringBuilder name = new StringBuilder();
    for (String word : s.name().split("_")) {
      name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return name.append(encodingId == s.requestId ? "Request" : "Response").toString();
  }
}
