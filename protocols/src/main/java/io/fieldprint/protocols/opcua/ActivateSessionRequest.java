package io.fieldprint.protocols.opcua;

/**
 * ActivateSessionRequest body (Part 4 §5.6.3, encoding i=467): RequestHeader, ClientSignature
 * SignatureData, ClientSoftwareCertificates SignedSoftwareCertificate[], LocaleIds String[],
 * UserIdentityToken ExtensionObject, UserTokenSignature SignatureData.
 *
 * @param token the identity token, or {@code null} when its type is not one of the four standard
 *     ones
 * @param tokenEncodingId the ExtensionObject encoding id of the token (kept even when unknown)
 */
public record ActivateSessionRequest(UserIdentityToken token, long tokenEncodingId) {

  public static Parsed<ActivateSessionRequest> read(UaBinaryReader r) {
    RequestHeader.read(r);
    r.skipString();
    r.skipByteString();
    int softwareCertificates = r.readArrayLength(8);
    for (int i = 0; i < softwareCertificates && !r.failed(); i++) {
      r.skipByteString();
      r.skipByteString();
    }
    r.skipStringArray();
    ExtensionObject token = ExtensionObject.read(r, 0);
    r.skipString();
    r.skipByteString();
    Object body = token.body();
    return r.result(
        new ActivateSessionRequest(
            body instanceof UserIdentityToken ? (UserIdentityToken) body : null,
            token.typeId().numeric()));
  }
}
