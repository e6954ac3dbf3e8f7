package io.fieldprint.protocols.active;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Leave to send one request once. The probe sends exactly {@link #request()} (for Modbus the bytes
 * of {@link #modbusFrame()}), gives up after {@link #timeout()} without retrying, and reports how
 * it ended with {@link #complete}. A permit not completed in twice its timeout is recorded as a
 * timeout by the gate.
 */
public final class Permit {

  private final OutboundGate gate;
  private final ScanTarget target;
  private final ScanRequest request;
  private final int transactionId;
  private final Instant admittedAt;
  private final Duration timeout;

  Permit(
      OutboundGate gate,
      ScanTarget target,
      ScanRequest request,
      int transactionId,
      Instant admittedAt,
      Duration timeout) {
    this.gate = gate;
    this.target = target;
    this.request = request;
    this.transactionId = transactionId;
    this.admittedAt = admittedAt;
    this.timeout = timeout;
  }

  public ScanTarget target() {
    return target;
  }

  public ScanRequest request() {
    return request;
  }

  /** Modbus transaction id to use (per device, counting from 1); 0 for OPC UA. */
  public int transactionId() {
    return transactionId;
  }

  /** The exact MBAP + PDU bytes to write, for a Modbus request. */
  public Optional<byte[]> modbusFrame() {
    return request instanceof ModbusRequest m
        ? Optional.of(MbapEncoder.encode(m, transactionId))
        : Optional.empty();
  }

  public Instant admittedAt() {
    return admittedAt;
  }

  /** How long the one attempt may take. */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Records how the request ended and frees the device for its next request.
   *
   * @return false if the permit was already completed or had expired (the outcome is then ignored)
   */
  public boolean complete(Outcome outcome) {
    return gate.complete(this, outcome);
  }
}
