package io.fieldprint.protocols.opcua;

/**
 * CreateSessionRequest body (Part 4 §5.6.2, encoding i=461): RequestHeader, ClientDescription
 * ApplicationDescription, ServerUri String, EndpointUrl String, SessionName String, ClientNonce
 * ByteString, ClientCertificate ByteString, RequestedSessionTimeout Double (ms),
 * MaxResponseMessageSize UInt32. Everything in it describes the client.
 *
 * @param clientDescription the client application
 * @param serverUri the server's ApplicationUri as the client knows it
 * @param endpointUrl the URL the client used
 * @param sessionName the session name the client chose
 * @param clientCertificate the client's certificate (DER, may be a chain), or {@code null}
 * @param requestedSessionTimeout requested session timeout in ms
 * @param maxResponseMessageSize largest response the client accepts (0 = no limit)
 */
public record CreateSessionRequest(
    ApplicationDescription clientDescription,
    String serverUri,
    String endpointUrl,
    String sessionName,
    byte[] clientCertificate,
    double requestedSessionTimeout,
    long maxResponseMessageSize) {

  public static Parsed<CreateSessionRequest> read(UaBinaryReader r) {
    RequestHeader.read(r);
    ApplicationDescription client = ApplicationDescription.read(r);
    String serverUri = r.readString();
    String endpointUrl = r.readString();
    String sessionName = r.readString();
    r.skipByteString();
    byte[] certificate = r.readByteString();
    double timeout = r.readDouble();
    long maxResponse = r.readUInt32();
    return r.result(
        new CreateSessionRequest(
            client, serverUri, endpointUrl, sessionName, certificate, timeout, maxResponse));
  }
}
