package io.fieldprint.protocols.opcua;

import io.fieldprint.protocols.x509.CertificateChain;
import io.fieldprint.protocols.x509.CertificateInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Posture rules on an OPC UA application instance certificate (the first certificate of the chain a
 * server sends). One finding per rule and certificate (keyed by SHA-1 thumbprint).
 */
public final class CertificatePostureRules {
  /** RSA keys shorter than this are weak (Part 7 requires 2048 bits for current policies). */
  public static final int MIN_RSA_BITS = 2048;

  private CertificatePostureRules() {}

  /**
   * Evaluates the leaf of {@code chain} at {@code at}. {@code applicationUri} is the server's
   * ApplicationUri when known (the SAN URI check is skipped when it is {@code null}). A malformed
   * chain gives no findings (the caller reports the decoding problem).
   */
  public static List<PostureFinding> evaluate(
      CertificateChain chain, String applicationUri, Instant at) {
    if (!(chain instanceof CertificateChain.Decoded)) {
      return List.of();
    }
    CertificateInfo c = ((CertificateChain.Decoded) chain).leaf();
    List<PostureFinding> out = new ArrayList<>();
    String key = c.sha1Thumbprint();
    String name = "Certificate '" + c.subject() + "' (SHA-1 " + key + ")";
    if (c.expiredAt(at)) {
      out.add(
          finding(
              OpcUaPostureRule.CERTIFICATE_EXPIRED,
              key,
              name + " expired on " + c.notAfter() + " (evaluated at " + at + ")"));
    } else if (c.notYetValidAt(at)) {
      out.add(
          finding(
              OpcUaPostureRule.CERTIFICATE_NOT_YET_VALID,
              key,
              name + " is valid only from " + c.notBefore() + " (evaluated at " + at + ")"));
    }
    if (c.selfSigned()) {
      out.add(
          finding(
              OpcUaPostureRule.CERTIFICATE_SELF_SIGNED,
              key,
              name + " is self-signed: clients can only trust it by pinning it"));
    }
    if (c.weakSignatureHash()) {
      out.add(
          finding(
              OpcUaPostureRule.CERTIFICATE_SHA1_SIGNATURE,
              key,
              name + " is signed with " + c.signatureAlgorithm()));
    }
    if ("RSA".equals(c.publicKeyAlgorithm())
        && c.publicKeyBits() > 0
        && c.publicKeyBits() < MIN_RSA_BITS) {
      out.add(
          finding(
              OpcUaPostureRule.CERTIFICATE_WEAK_KEY,
              key,
              name
                  + " has a "
                  + c.publicKeyBits()
                  + "-bit RSA key (fewer than "
                  + MIN_RSA_BITS
                  + ")"));
    }
    if (applicationUri != null && !c.sanUris().contains(applicationUri)) {
      String sans = c.sanUris().isEmpty() ? "no URI" : "URI " + String.join(", ", c.sanUris());
      out.add(
          finding(
              OpcUaPostureRule.CERTIFICATE_URI_MISMATCH,
              key,
              name
                  + " has subjectAltName "
                  + sans
                  + " but the application says its ApplicationUri"
                  + " is "
                  + applicationUri));
    }
    return out;
  }

  private static PostureFinding finding(OpcUaPostureRule rule, String key, String detail) {
    return new PostureFinding(rule, key, detail);
  }
}
