package io.fieldprint.protocols.opcua;

import java.util.List;

/**
 * CreateSessionResponse body (Part 4 §5.6.2, encoding i=464): ResponseHeader, SessionId NodeId,
 * AuthenticationToken NodeId (a secret, not kept), RevisedSessionTimeout Double, ServerNonce
 * ByteString, ServerCertificate ByteString, ServerEndpoints EndpointDescription[],
 * ServerSoftwareCertificates SignedSoftwareCertificate[] (each CertificateData ByteString,
 * Signature ByteString), ServerSignature SignatureData (Algorithm String, Signature ByteString),
 * MaxRequestMessageSize UInt32.
 *
 * @param header the response header
 * @param revisedSessionTimeout session timeout in ms
 * @param serverCertificate the server's certificate (DER, may be a chain), or {@code null}
 * @param serverEndpoints the endpoints the server offers
 * @param maxRequestMessageSize largest request the server accepts (0 = no limit)
 */
public record CreateSessionResponse(
    ResponseHeader header,
    double revisedSessionTimeout,
    byte[] serverCertificate,
    List<EndpointDescription> serverEndpoints,
    long maxRequestMessageSize) {

  public static Parsed<CreateSessionResponse> read(UaBinaryReader r) {
    ResponseHeader header = ResponseHeader.read(r);
    NodeId.read(r);
    NodeId.read(r);
    double timeout = r.readDouble();
    r.skipByteString();
    byte[] certificate = r.readByteString();
    List<EndpointDescription> endpoints =
        r.readArray(EndpointDescription.MIN_BYTES, EndpointDescription::read);
    int softwareCertificates = r.readArrayLength(8);
    for (int i = 0; i < softwareCertificates && !r.failed(); i++) {
      r.skipByteString();
      r.skipByteString();
    }
    r.skipString();
    r.skipByteString();
    long maxRequest = r.readUInt32();
    return r.result(new CreateSessionResponse(header, timeout, certificate, endpoints, maxRequest));
  }
}
