package io.fieldprint.protocols.modbus;

import io.fieldprint.protocols.decode.BigEndian;
import java.nio.ByteBuffer;

/**
 * Function code facts from the Modbus Application Protocol v1.1b3 (§5, §6) and cheap structural
 * checks of the common reads, which catch fuzzing and misframed streams without allocating for
 * well-formed traffic.
 */
final class FunctionCodes {
  static final int MAX_BITS = 2000;
  static final int MAX_REGISTERS = 125;

  private FunctionCodes() {}

  /**
   * Whether the spec gives {@code functionCode} a meaning: a public code, a user-defined code
   * (65-72, 100-110) or one reserved for legacy products (9, 10, 13, 14, 41, 42, 90, 91, 125-127;
   * 90 is Schneider UMAS).
   */
  static boolean isAssigned(int functionCode) {
    return switch (functionCode) {
      case 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 15, 16, 17, 20, 21, 22, 23, 24, 43 -> true;
      case 9, 10, 13, 14, 41, 42, 90, 91, 125, 126, 127 -> true;
      default ->
          functionCode >= 65 && functionCode <= 72 || functionCode >= 100 && functionCode <= 110;
    };
  }

  /** What is wrong with the request PDU between {@code pdu} and {@code end}, or {@code null}. */
  static String requestProblem(ByteBuffer frame, int pdu, int end) {
    int functionCode = frame.get(pdu) & 0xFF;
    int length = end - pdu;
    if (functionCode >= 1 && functionCode <= 4) {
      if (length != 5) {
        return "function " + functionCode + " request of " + length + " bytes, expected 5";
      }
      int quantity = BigEndian.u16(frame, pdu + 3);
      int max = functionCode <= 2 ? MAX_BITS : MAX_REGISTERS;
      if (quantity < 1 || quantity > max) {
        return "function " + functionCode + " asks for " + quantity + " items (1.." + max + ")";
      }
    } else if (functionCode == ReadDeviceIdentificationResponse.FUNCTION_CODE && length >= 2) {
      int mei = frame.get(pdu + 1) & 0xFF;
      if (mei != 0x0D && mei != ReadDeviceIdentificationResponse.MEI_READ_DEVICE_IDENTIFICATION) {
        return String.format("function 43 with unassigned MEI type 0x%02x", mei);
      }
    }
    return null;
  }

  /** What is wrong with the response PDU between {@code pdu} and {@code end}, or {@code null}. */
  static String responseProblem(ByteBuffer frame, int pdu, int end) {
    int functionCode = frame.get(pdu) & 0xFF;
    int length = end - pdu;
    if (functionCode >= 1 && functionCode <= 4) {
      if (length < 2) {
        return "function " + functionCode + " response without byte count";
      }
      int byteCount = frame.get(pdu + 1) & 0xFF;
      if (byteCount != length - 2) {
        return "function "
            + functionCode
            + " response byte count "
            + byteCount
            + ", "
            + (length - 2)
            + " bytes follow";
      }
    } else if (functionCode >= 0x80 && length != 2) {
      return "exception response of " + length + " bytes, expected 2";
    }
    return null;
  }
}
