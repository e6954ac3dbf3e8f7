package io.fieldprint.protocols.modbus;

/**
 * Modbus exception codes (Modbus Application Protocol v1.1b3 §7), carried in a response whose
 * function code has bit 0x80 set.
 */
public enum ExceptionCode {
  ILLEGAL_FUNCTION(0x01, "Illegal Function"),
  ILLEGAL_DATA_ADDRESS(0x02, "Illegal Data Address"),
  ILLEGAL_DATA_VALUE(0x03, "Illegal Data Value"),
  SERVER_DEVICE_FAILURE(0x04, "Server Device Failure"),
  ACKNOWLEDGE(0x05, "Acknowledge"),
  SERVER_DEVICE_BUSY(0x06, "Server Device Busy"),
  MEMORY_PARITY_ERROR(0x08, "Memory Parity Error"),
  GATEWAY_PATH_UNAVAILABLE(0x0A, "Gateway Path Unavailable"),
  GATEWAY_TARGET_FAILED_TO_RESPOND(0x0B, "Gateway Target Device Failed to Respond");

  final int code;
  final String label;

  ExceptionCode(int code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The spec's name for {@code code}, or {@code "Unknown (0xNN)"}; unknown codes are kept. */
  public static String label(int code) {
    for (ExceptionCode e : values()) {
      if (e.code == code) {
        return e.label;
      }
    }
    return String.format("Unknown (0x%02x)", code);
  }

  /** Codes only a gateway sends: the answering device forwards to units behind it. */
  public static boolean isGatewayCode(int code) {
    return code == GATEWAY_PATH_UNAVAILABLE.code || code == GATEWAY_TARGET_FAILED_TO_RESPOND.code;
  }
}
