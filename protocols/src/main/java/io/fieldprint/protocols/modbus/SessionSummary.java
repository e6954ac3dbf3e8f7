package io.fieldprint.protocols.modbus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one Modbus/TCP connection carried, kept in fixed-size bitmaps and counters so that it costs
 * nothing per PDU: the unit ids addressed, the request function codes, and how many requests were
 * writes (5, 6, 15, 16, 22, 23), diagnostics (8) or Schneider UMAS (90).
 */
final class SessionSummary {
  private final long[] unitIds = new long[4];
  private final long[] functionCodes = new long[4];
  private long requests;
  private long responses;
  private long writes;
  private long diagnostics;
  private long umas;
  private long exceptions;
  private long gatewayExceptions;
  private Map<String, Long> exceptionsByName;

  void request(int unitId, int functionCode) {
    requests++;
    set(unitIds, unitId);
    set(functionCodes, functionCode);
    switch (functionCode) {
      case 5, 6, 15, 16, 22, 23 -> writes++;
      case 8 -> diagnostics++;
      case 90 -> umas++;
      default -> {}
    }
  }

  void response(int unitId) {
    responses++;
    set(unitIds, unitId);
  }

  void exception(int functionCode, int exceptionCode) {
    exceptions++;
    if (ExceptionCode.isGatewayCode(exceptionCode)) {
      gatewayExceptions++;
    }
    if (exceptionsByName == null) {
      exceptionsByName = new TreeMap<>();
    }
    // at most 128 function codes x 256 exception codes, in practice a handful
    if (exceptionsByName.size() < 64) {
      exceptionsByName.merge(
          "fc" + functionCode + " " + ExceptionCode.label(exceptionCode), 1L, Long::sum);
    }
  }

  boolean anyTraffic() {
    return requests + responses > 0;
  }

  boolean answered() {
    return responses > 0;
  }

  /** Whether the server sent exception codes only a gateway sends. */
  boolean gatewaySeen() {
    return gatewayExceptions > 0;
  }

  Map<String, Object> fields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("unitIds", members(unitIds));
    fields.put("functionCodes", members(functionCodes));
    fields.put("requests", requests);
    fields.put("responses", responses);
    fields.put("writeRequests", writes);
    fields.put("diagnosticsRequests", diagnostics);
    fields.put("umasRequests", umas);
    fields.put("exceptions", exceptions);
    fields.put("gatewayExceptions", gatewayExceptions);
    if (exceptionsByName != null) {
      fields.put("exceptionsByFunction", new TreeMap<>(exceptionsByName));
    }
    return fields;
  }

  private static void set(long[] bits, int value) {
    bits[value >>> 6] |= 1L << (value & 63);
  }

  private static List<Integer> members(long[] bits) {
    List<Integer> values = new ArrayList<>();
    for (int v = 0; v < 256; v++) {
      if ((bits[v >>> 6] & (1L << (v & 63))) != 0) {
        values.add(v);
      }
    }
    return values;
  }
}
