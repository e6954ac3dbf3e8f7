package io.fieldprint.protocols.active.modbus;

/** How one request/response exchange on a {@link ModbusTcpChannel} ended. */
sealed interface ModbusReply {

  /**
   * A well-framed response to the request.
   *
   * @param unitId unit identifier of the response, 1 byte
   * @param frame the whole frame, MBAP header (7 bytes) included, at most 260 bytes
   */
  record Frame(int unitId, byte[] frame) implements ModbusReply {
    /** Function code of the response (bit 0x80 set for an exception). */
    int functionCode() {
      return frame[ModbusTcpChannel.MBAP_LENGTH] & 0xFF;
    }
  }

  /** No complete response within the time allowed; the connection stays usable. */
  record Silence(String reason) implements ModbusReply {}

  /** The request was never sent: the gate refused it or the device's time budget ran out. */
  record NotSent(String reason) implements ModbusReply {}

  /** No connection could be opened (refused, unreachable, connect timeout): nothing was sent. */
  record Unreachable(String reason) implements ModbusReply {}

  /** The connection is unusable (closed, reset, or the stream is out of step). */
  record Broken(String reason) implements ModbusReply {}
}
