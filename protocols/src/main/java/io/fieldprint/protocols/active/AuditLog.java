package io.fieldprint.protocols.active;

/**
 * Append-only record of what the scanner sent and refused, so an operator can prove what it did.
 * Implementations must be thread-safe and durable per record. If a record cannot be written the
 * implementation throws, and the gate admits nothing further.
 */
public interface AuditLog {

  void append(AuditRecord record);
}
