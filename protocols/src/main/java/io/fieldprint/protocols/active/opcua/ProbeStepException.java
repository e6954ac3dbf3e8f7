package io.fieldprint.protocols.active.opcua;

/** One probe step failed; the message says why (kept inside the probe, never thrown out). */
final class ProbeStepException extends Exception {
  private static final long serialVersionUID = 1L;

  ProbeStepException(String reason) {
    super(reason);
  }
}
