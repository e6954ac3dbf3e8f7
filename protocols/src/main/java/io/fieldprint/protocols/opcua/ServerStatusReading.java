package io.fieldprint.protocols.opcua;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one ReadResponse returned for Server_ServerStatus (i=2256), its children StartTime (2257),
 * CurrentTime (2258), State (2259), and BuildInfo (2260) with its children ProductName (2261),
 * ProductUri (2262), ManufacturerName (2263), SoftwareVersion (2264), BuildNumber (2265) and
 * BuildDate (2266).
 *
 * @param buildInfo the BuildInfo fields found (structure and scalar children merged)
 * @param state ServerState, or {@code null}
 * @param startTime StartTime, or {@code null}
 * @param currentTime CurrentTime, or {@code null}
 * @param nodesRead the NodeIds whose values were used, e.g. {@code i=2261}
 */
public record ServerStatusReading(
    BuildInfo buildInfo,
    Integer state,
    Instant startTime,
    Instant currentTime,
    List<String> nodesRead) {

  /** Node ids (namespace 0) of Server_ServerStatus and its descendants. */
  public static final long SERVER_STATUS = 2256;

  public static final long BUILD_INFO_LAST = 2266;

  /**
   * Whether reading attribute {@code attributeId} of the namespace-0 numeric node {@code ns0Id} (-1
   * for other NodeIds) is a read fieldprint decodes.
   */
  static boolean interesting(long ns0Id, long attributeId) {
    return attributeId == ReadValueId.VALUE_ATTRIBUTE
        && ns0Id >= SERVER_STATUS
        && ns0Id <= BUILD_INFO_LAST;
  }

  /** Interprets the values read for {@code nodes} (same order as {@code values}). */
  static ServerStatusReading of(List<Long> nodes, List<DataValue> values) {
    BuildInfo info = BuildInfo.EMPTY;
    Integer state = null;
    Instant start = null;
    Instant current = null;
    List<String> used = new ArrayList<>();
    for (int i = 0; i < nodes.size() && i < values.size(); i++) {
      DataValue dv = values.get(i);
      Object v = dv.value().value();
      if (!dv.isGood() || v == null) {
        continue;
      }
      long node = nodes.get(i);
      used.add("i=" + node);
      if (node == SERVER_STATUS && body(v) instanceof ServerStatusDataType) {
        ServerStatusDataType s = (ServerStatusDataType) body(v);
        info = info.merge(s.buildInfo());
        state = s.state();
        start = s.startTime();
        current = s.currentTime();
      } else if (node == 2257 && v instanceof Instant) {
        start = (Instant) v;
      } else if (node == 2258 && v instanceof Instant) {
        current = (Instant) v;
      } else if (node == 2259 && v instanceof Integer) {
        state = (Integer) v;
      } else {
        info = info.merge(buildInfoPart(node, v));
      }
    }
    return new ServerStatusReading(info, state, start, current, used);
  }

  private static Object body(Object value) {
    return value instanceof ExtensionObject ? ((ExtensionObject) value).body() : null;
  }

  private static BuildInfo buildInfoPart(long node, Object v) {
    if (node == 2260) {
      return body(v) instanceof BuildInfo ? (BuildInfo) body(v) : BuildInfo.EMPTY;
    }
    if (node == 2266) {
      return v instanceof Instant
          ? new BuildInfo(null, null, null, null, null, (Instant) v)
          : BuildInfo.EMPTY;
    }
    String s = text(v);
    if (node == 2261) {
      return new BuildInfo(null, null, s, null, null, null);
    }
    if (node == 2262) {
      return new BuildInfo(s, null, null, null, null, null);
    }
    if (node == 2263) {
      return new BuildInfo(null, s, null, null, null, null);
    }
    if (node == 2264) {
      return new BuildInfo(null, null, null, s, null, null);
    }
    return node == 2265 ? new BuildInfo(null, null, null, null, s, null) : BuildInfo.EMPTY;
  }

  /** A String value, or the text of a LocalizedText (some servers use it for names). */
  private static String text(Object v) {
    if (v instanceof String) {
      return (String) v;
    }
    return v instanceof LocalizedText ? ((LocalizedText) v).text() : null;
  }

  public boolean isEmpty() {
    return nodesRead.isEmpty();
  }

  public Map<String, Object> fields() {
    Map<String, Object> f = new LinkedHashMap<>(buildInfo.fields());
    if (state != null) {
      f.put("state", ServerStatusDataType.stateName(state));
    }
    BuildInfo.putIfSet(f, "startTime", startTime == null ? null : startTime.toString());
    BuildInfo.putIfSet(f, "currentTime", currentTime == null ? null : currentTime.toString());
    f.put("nodesRead", nodesRead);
    return f;
  }

  /** Content key without CurrentTime (which changes on every poll). */
  String stableKey() {
    return buildInfo + "|" + state + "|" + startTime;
  }
}
