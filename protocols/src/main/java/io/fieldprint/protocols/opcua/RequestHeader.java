package io.fieldprint.protocols.opcua;

import java.time.Instant;

/**
 * RequestHeader (Part 4 §7.33) at the start of every request body: AuthenticationToken NodeId,
 * Timestamp DateTime, RequestHandle UInt32, ReturnDiagnostics UInt32, AuditEntryId String,
 * TimeoutHint UInt32, AdditionalHeader ExtensionObject. The AuthenticationToken is a session secret
 * and is not kept.
 *
 * @param timestamp when the client sent the request
 * @param requestHandle the client's handle
 * @param auditEntryId the audit entry id, or {@code null}
 * @param timeoutHint the client's timeout in ms
 */
public record RequestHeader(
    Instant timestamp, long requestHandle, String auditEntryId, long timeoutHint) {

  public static RequestHeader read(UaBinaryReader r) {
    NodeId.skipToNs0Numeric(r);
    Instant timestamp = r.readDateTime();
    long handle = r.readUInt32();
    r.readUInt32();
    String audit = r.readString();
    long timeout = r.readUInt32();
    ExtensionObject.skip(r);
    return new RequestHeader(timestamp, handle, audit, timeout);
  }

  /** Moves past a RequestHeader without allocating. */
  public static void skip(UaBinaryReader r) {
    NodeId.skipToNs0Numeric(r);
    r.skip(8 + 4 + 4);
    r.skipString();
    r.skip(4);
    ExtensionObject.skip(r);
  }
}
