package io.fieldprint.protocols.active;

/**
 * Append-only record of what the scanner sent and refused, so an operator can prove what it did.
 * Implementations must be thread-safe and durable per record. If a record cannot be written the
 * implementation throws; the gate then stops the scan and refuses every further request.
 */
public interface AuditLog {

  void append(AuditRecord record);
}
