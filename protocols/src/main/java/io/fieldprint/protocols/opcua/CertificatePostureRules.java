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
    String name = "Certificate '" + c.subject() + "' (SHA-1 " + c.sha1Thumbprint() + ")";
    List<PostureFinding> out = new ArrayList<>();
    validity(out, c, name, at);
    strength(out, c, name);
    if (applicationUri != null && !c.sanUris().contains(applicationUri)) {
      String sans = c.sanUris().isEmpty() ? "no URI" : "URI " + String.join(", ", c.sanUris());
      add(
          out,
          OpcUaPostureRule.CERTIFICATE_URI_MISMATCH,
          c,
          name
              + " has subjectAltName "
              + sans
              + " but the application's ApplicationUri is "
              + applicationUri);
    }
    return out;
  }

  private static void validity(
      List<PostureFinding> out, CertificateInfo c, String name, Instant at) {
    if (c.expiredAt(at)) {
      add(
          out,
          OpcUaPostureRule.CERTIFICATE_EXPIRED,
          c,
          name + " expired on " + c.notAfter() + " (evaluated at " + at + ")");
    } else if (c.notYetValidAt(at)) {
      add(
          out,
          OpcUaPostureRule.CERTIFICATE_NOT_YET_VALID,
          c,
          name + " is valid only from " + c.notBefore() + " (evaluated at " + at + ")");
    }
    if (c.selfSigned()) {
      add(
          out,
          OpcUaPostureRule.CERTIFICATE_SELF_SIGNED,
          c,
          name + " is self-signed: clients can only trust it by pinning it");
    }
  }

  private static void strength(List<PostureFinding> out, CertificateInfo c, String name) {
    if (c.weakSignatureHash()) {
      add(
          out,
          OpcUaPostureRule.CERTIFICATE_SHA1_SIGNATURE,
          c,
          name + " is signed with " + c.signatureAlgorithm());
    }
    int bits = c.publicKeyBits();
    if ("RSA".equals(c.publicKeyAlgorithm()) && bits > 0 && bits < MIN_RSA_BITS) {
      add(
          out,
          OpcUaPostureRule.CERTIFICATE_WEAK_KEY,
          c,
          name + " has a " + bits + "-bit RSA key (fewer than " + MIN_RSA_BITS + ")");
    }
  }

  private static void add(
      List<PostureFinding> out, OpcUaPostureRule rule, CertificateInfo c, String detail) {
    out.add(new PostureFinding(rule, c.sha1Thumbprint(), detail));
  }
}
