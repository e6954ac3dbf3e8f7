package io.fieldprint.protocols.active;

import java.time.Instant;

/**
 * One line of the audit log: a request the scanner sent (with how it ended) or refused to send.
 *
 * @param time when the request was admitted or refused
 * @param target the target URI
 * @param protocol {@code MODBUS} or {@code OPC_UA}
 * @param request Modbus: the MBAP+PDU bytes in hex (refused: unit and PDU); OPC UA: the service
 * @param decision {@code SENT} or {@code REFUSED}
 * @param outcome {@link Outcome} name for sent requests, {@code NOT_SENT} for refused ones
 * @param detail refusal reason, or how the outcome was reached (e.g. "expired")
 * @param elapsedMillis from admission to completion; 0 for refused requests
 */
public record AuditRecord(
    Instant time,
    String target,
    String protocol,
    String request,
    String decision,
    String outcome,
    String detail,
    long elapsedMillis) {}
