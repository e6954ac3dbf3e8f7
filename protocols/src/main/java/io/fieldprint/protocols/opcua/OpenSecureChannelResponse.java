package io.fieldprint.protocols.opcua;

/**
 * OpenSecureChannelResponse body (Part 4 §5.5.2.2, encoding i=449), readable only on channels with
 * policy None: ResponseHeader, ServerProtocolVersion UInt32, SecurityToken ChannelSecurityToken,
 * ServerNonce ByteString.
 *
 * @param header the response header
 * @param serverProtocolVersion the server's protocol version
 * @param securityToken the issued token
 */
public record OpenSecureChannelResponse(
    ResponseHeader header, long serverProtocolVersion, ChannelSecurityToken securityToken) {

  public static Parsed<OpenSecureChannelResponse> read(UaBinaryReader r) {
    ResponseHeader header = ResponseHeader.read(r);
    long version = r.readUInt32();
    ChannelSecurityToken token = ChannelSecurityToken.read(r);
    r.skipByteString();
    return r.result(new OpenSecureChannelResponse(header, version, token));
  }
}
