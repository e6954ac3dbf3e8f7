package io.fieldprint.protocols.active;

/** How an admitted request ended, as reported by the probe through {@link Permit#complete}. */
public enum Outcome {
  /** The device answered normally. */
  SUCCESS,
  /** The device answered with a protocol error (Modbus exception, OPC UA Bad status): alive. */
  REFUSED_BY_DEVICE,
  /** No answer within the permit's timeout. Counts towards back-off and the circuit breaker. */
  TIMEOUT,
  /** The connection failed or the answer was unusable. Counts like a timeout. */
  EXCEPTION;

  /** Whether the device showed it is alive and answering. */
  public boolean deviceAnswered() {
    return this == SUCCESS || this == REFUSED_BY_DEVICE;
  }
}
