package io.fieldprint.protocols.opcua;

import java.time.Instant;

/**
 * ResponseHeader (Part 4 §7.34) at the start of every response body: Timestamp DateTime,
 * RequestHandle UInt32, ServiceResult StatusCode, ServiceDiagnostics DiagnosticInfo, StringTable
 * String[], AdditionalHeader ExtensionObject.
 *
 * @param timestamp the server's time when it sent the response
 * @param requestHandle the handle of the request answered
 * @param serviceResult the StatusCode of the service call
 */
public record ResponseHeader(Instant timestamp, long requestHandle, long serviceResult) {

  public static ResponseHeader read(UaBinaryReader r) {
    Instant timestamp = r.readDateTime();
    long handle = r.readUInt32();
    long result = r.readUInt32();
    DiagnosticInfo.read(r, 0);
    r.skipStringArray();
    ExtensionObject.skip(r);
    return new ResponseHeader(timestamp, handle, result);
  }

  /** Whether the ServiceResult is Good (severity bits 00). */
  public boolean isGood() {
    return (serviceResult & 0xC000_0000L) == 0;
  }
}
