package io.fieldprint.protocols.opcua;

/**
 * OpenSecureChannelRequest body (Part 4 §5.5.2.2, encoding i=446), readable only on channels with
 * policy None: RequestHeader, ClientProtocolVersion UInt32, RequestType enumeration (Issue 0, Renew
 * 1), SecurityMode enumeration, ClientNonce ByteString, RequestedLifetime UInt32 (ms).
 *
 * @param clientProtocolVersion the client's protocol version
 * @param requestType 0 Issue, 1 Renew
 * @param securityMode the requested MessageSecurityMode
 * @param requestedLifetime requested token lifetime in ms
 */
public record OpenSecureChannelRequest(
    long clientProtocolVersion, int requestType, int securityMode, long requestedLifetime) {

  public static Parsed<OpenSecureChannelRequest> read(UaBinaryReader r) {
    RequestHeader.read(r);
    long version = r.readUInt32();
    int requestType = r.readInt32();
    int mode = r.readInt32();
    r.skipByteString();
    return r.result(new OpenSecureChannelRequest(version, requestType, mode, r.readUInt32()));
  }
}
