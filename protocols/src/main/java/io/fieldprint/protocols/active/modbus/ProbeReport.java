package io.fieldprint.protocols.active.modbus;

import io.fieldprint.protocols.active.ScanTarget;
import java.util.List;

/**
 * How the probe of one target ended.
 *
 * @param target the target probed
 * @param status {@link Status#IDENTIFIED}, {@link Status#ANSWERED}, {@link Status#NO_ANSWER} or
 *     {@link Status#FAILED}
 * @param requestsSent requests written to the device
 * @param responses well-framed responses read
 * @param bytesReceived bytes read from the device
 * @param reasons what happened that the inventory does not show, in order (at most {@value
 *     #MAX_REASONS}): exceptions, malformed responses, refusals, timeouts
 */
public record ProbeReport(
    ScanTarget target,
    Status status,
    int requestsSent,
    int responses,
    long bytesReceived,
    List<String> reasons) {

  public static final int MAX_REASONS = 32;

  public ProbeReport {
    reasons = List.copyOf(reasons);
  }

  /** The outcome of one probe. */
  public enum Status {
    /** A unit answered Read Device Identification with objects. */
    IDENTIFIED,
    /** The device answered, but revealed no identification objects. */
    ANSWERED,
    /** Nothing answered (silence, connection refused, gate refusal before any answer). */
    NO_ANSWER,
    /** The device answered with bytes that are not Modbus/TCP, or the connection broke. */
    FAILED
  }
}
