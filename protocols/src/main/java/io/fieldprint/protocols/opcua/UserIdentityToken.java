package io.fieldprint.protocols.opcua;

/**
 * A user identity token from ActivateSessionRequest (Part 4 §7.41), told apart by the
 * ExtensionObject encoding id: AnonymousIdentityToken 321 (PolicyId), UserNameIdentityToken 324
 * (PolicyId, UserName, Password ByteString, EncryptionAlgorithm), X509IdentityToken 327 (PolicyId,
 * CertificateData ByteString), IssuedIdentityToken 940 (PolicyId, TokenData ByteString,
 * EncryptionAlgorithm). The user name, password and token data are never kept.
 *
 * @param kind the token type
 * @param policyId the UserTokenPolicy the client chose
 * @param secretPresent whether a password / token data / certificate was sent (non-empty)
 * @param encryptionAlgorithm URI of the algorithm the secret is encrypted with; {@code null} or
 *     empty means the secret travels as it is
 */
public record UserIdentityToken(
    UserTokenType kind, String policyId, boolean secretPresent, String encryptionAlgorithm) {

  public static final long ANONYMOUS_ENCODING_ID = 321;
  public static final long USER_NAME_ENCODING_ID = 324;
  public static final long X509_ENCODING_ID = 327;
  public static final long ISSUED_ENCODING_ID = 940;

  /** Decodes the body when {@code encodingId} is an identity token, else returns {@code null}. */
  static UserIdentityToken readIfToken(UaBinaryReader r, long encodingId) {
    if (encodingId == ANONYMOUS_ENCODING_ID) {
      return new UserIdentityToken(UserTokenType.ANONYMOUS, r.readString(), false, null);
    }
    if (encodingId == USER_NAME_ENCODING_ID) {
      String policyId = r.readString();
      r.skipString();
      int password = r.skipByteString();
      return new UserIdentityToken(UserTokenType.USER_NAME, policyId, password > 0, r.readString());
    }
    if (encodingId == X509_ENCODING_ID) {
      String policyId = r.readString();
      int certificate = r.skipByteString();
      return new UserIdentityToken(UserTokenType.CERTIFICATE, policyId, certificate > 0, null);
    }
    if (encodingId == ISSUED_ENCODING_ID) {
      String policyId = r.readString();
      int data = r.skipByteString();
      return new UserIdentityToken(UserTokenType.ISSUED_TOKEN, policyId, data > 0, r.readString());
    }
    return null;
  }

  /** Whether the secret is sent without token-level encryption. */
  public boolean secretInClear() {
    return secretPresent && (encryptionAlgorithm == null || encryptionAlgorithm.isEmpty());
  }
}
