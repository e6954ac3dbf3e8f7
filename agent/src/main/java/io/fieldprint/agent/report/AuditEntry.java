package io.fieldprint.agent.report;

/**
 * One line of a scan's audit log ({@code fieldprint scan --audit-log}, see {@code
 * docs/reference/scan-safety.md}).
 *
 * @param time when the request was admitted or refused, as written
 * @param target target URI
 * @param protocol {@code MODBUS} or {@code OPC_UA}
 * @param request Modbus bytes in hex or {@code unit N pdu ...}; OPC UA service
 * @param decision {@code SENT} or {@code REFUSED}
 * @param outcome {@code SUCCESS}, {@code TIMEOUT}, ... or {@code NOT_SENT}
 * @param detail refusal reason or how the outcome was reached
 * @param elapsedMillis admission to completion
 */
public record AuditEntry(
    String time,
    String target,
    String protocol,
    String request,
    String decision,
    String outcome,
    String detail,
    long elapsedMillis) {

  /**
   * The function the request calls: {@code FC 43/14} or {@code FC 17} for Modbus (from the PDU's
   * first byte, and the MEI type for FC 43), the service name for OPC UA.
   */
  public String function() {
    if (request == null) {
      return "?";
    }
    if (!"MODBUS".equals(protocol)) {
      return request;
    }
    String[] hex = pdu(request.strip());
    if (hex.length == 0) {
      return "?";
    }
    try {
      int fc = Integer.parseInt(hex[0], 16);
      if (fc == 0x2B && hex.length > 1) {
        return "FC 43/" + Integer.parseInt(hex[1], 16);
      }
      return "FC " + fc;
    } catch (NumberFormatException e) {
      return "?";
    }
  }

  /** The PDU bytes: after "pdu" in a refusal, else after the 7-byte MBAP header. */
  private static String[] pdu(String request) {
    int at = request.indexOf("pdu ");
    String[] bytes = (at >= 0 ? request.substring(at + 4) : request).strip().split("\\s+", 16);
    if (at >= 0) {
      return bytes;
    }
    if (bytes.length <= 7) {
      return new String[0];
    }
    String[] out = new String[bytes.length - 7];
    System.arraycopy(bytes, 7, out, 0, out.length);
    return out;
  }
}
