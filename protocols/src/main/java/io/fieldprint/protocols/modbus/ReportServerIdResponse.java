package io.fieldprint.protocols.modbus;

import io.fieldprint.protocols.decode.Parsed;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Response to function 17, Report Server ID (Modbus Application Protocol v1.1b3 §6.13): function
 * code u8 (0x11), byte count u8, then byte count bytes: server id (length device specific), run
 * indicator status u8 (0x00 OFF, 0xFF ON), additional data (device specific).
 *
 * <p>Because the server id has no length of its own, the whole payload is kept. The run indicator
 * is taken to be the first 0x00 or 0xFF byte after at least one server id byte, which matches the
 * devices seen so far (a one-byte id, and a 49-character text id) but is a heuristic.
 *
 * @param payload the byte count bytes (fewer when the frame was cut short)
 * @param byteCount the byte count the response announces
 */
public record ReportServerIdResponse(byte[] payload, int byteCount) {
  static final int FUNCTION_CODE = 0x11;
  static final int MAX_STRINGS = 8;
  static final int MIN_STRING = 4;

  public static Parsed<ReportServerIdResponse> parse(ByteBuffer frame, int pdu, int end) {
    if (end - pdu < 2) {
      return Parsed.malformed("report server id response without byte count");
    }
    int byteCount = frame.get(pdu + 1) & 0xFF;
    int present = Math.min(byteCount, end - pdu - 2);
    byte[] payload = new byte[present];
    frame.get(pdu + 2, payload);
    return Parsed.ok(new ReportServerIdResponse(payload, byteCount));
  }

  public boolean truncated() {
    return payload.length < byteCount;
  }

  /** Offset of the run indicator in the payload, or -1 when there is none to identify. */
  int runIndicatorOffset() {
    for (int i = 1; i < payload.length; i++) {
      int b = payload[i] & 0xFF;
      if (b == 0x00 || b == 0xFF) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Printable ASCII runs of at least {@value #MIN_STRING} characters, at most {@value
   * #MAX_STRINGS}.
   */
  List<String> strings() {
    List<String> strings = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    for (int i = 0; i <= payload.length && strings.size() < MAX_STRINGS; i++) {
      char c = i < payload.length ? (char) (payload[i] & 0xFF) : 0;
      if (i < payload.length && c >= 0x20 && c < 0x7F && run.length() < DeviceString.MAX_CHARS) {
        run.append(c);
        continue;
      }
      String s = run.toString().strip();
      if (s.length() >= MIN_STRING) {
        strings.add(s);
      }
      run.setLength(0);
    }
    return strings;
  }

  public Map<String, Object> fields(int unitId) {
    HexFormat hex = HexFormat.of();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("unitId", unitId);
    fields.put("byteCount", byteCount);
    fields.put("payloadHex", hex.formatHex(payload));
    fields.put("strings", strings());
    int run = runIndicatorOffset();
    if (run > 0) {
      fields.put("serverIdHex", hex.formatHex(payload, 0, run));
      fields.put("runIndicator", (payload[run] & 0xFF) == 0xFF ? "ON" : "OFF");
      fields.put("additionalDataHex", hex.formatHex(payload, run + 1, payload.length));
    }
    return fields;
  }
}
