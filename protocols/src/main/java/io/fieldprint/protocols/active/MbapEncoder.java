package io.fieldprint.protocols.active;

/**
 * Frames a {@link ModbusRequest} for Modbus/TCP: the 7-byte MBAP header (transaction id 2 bytes,
 * protocol id 2 bytes = 0, length 2 bytes = unit id + PDU, unit id 1 byte) followed by the PDU.
 * These are the exact bytes that go on the wire, the audit log and the dry run.
 */
public final class MbapEncoder {

  private MbapEncoder() {}

  /**
   * @param transactionId chosen by the caller, 0–65535 (j2mod's own counter is JVM-global and racy)
   */
  public static byte[] encode(ModbusRequest request, int transactionId) {
    if (transactionId < 0 || transactionId > 0xFFFF) {
      throw new IllegalArgumentException("transaction id must be 0-65535: " + transactionId);
    }
    byte[] pdu = request.pdu();
    int length = 1 + pdu.length;
    byte[] frame = new byte[6 + length];
    frame[0] = (byte) (transactionId >>> 8);
    frame[1] = (byte) transactionId;
    frame[4] = (byte) (length >>> 8);
    frame[5] = (byte) length;
    frame[6] = (byte) request.unitId();
    System.arraycopy(pdu, 0, frame, 7, pdu.length);
    return frame;
  }
}
