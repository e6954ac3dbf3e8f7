package io.fieldprint.protocols.x509;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an X.509 certificate says, as far as posture checks need it.
 *
 * @param subject subject distinguished name (RFC 2253)
 * @param issuer issuer distinguished name (RFC 2253)
 * @param serialNumber serial number, lower-case hex
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param publicKeyAlgorithm {@code RSA}, {@code EC}, ... as the JDK names it
 * @param publicKeyBits RSA modulus bits, EC field size bits, or -1 when unknown
 * @param curve named EC curve (e.g. {@code secp256r1}) or its OID, {@code null} for other keys
 * @param signatureAlgorithm signature algorithm name as the JDK gives it (e.g. {@code
 *     SHA256withRSA})
 * @param signatureAlgorithmOid signature algorithm OID
 * @param sha1Thumbprint SHA-1 of the DER encoding, lower-case hex (the OPC UA thumbprint)
 * @param sha256Thumbprint SHA-256 of the DER encoding, lower-case hex
 * @param sanUris subjectAltName URIs (OPC UA puts the ApplicationUri here)
 * @param sanDnsNames subjectAltName DNS names
 * @param sanIpAddresses subjectAltName IP addresses
 * @param selfSigned subject equals issuer and the signature verifies with the certificate's own key
 * @param ca basicConstraints CA flag
 */
public record CertificateInfo(
    String subject,
    String issuer,
    String serialNumber,
    Instant notBefore,
    Instant notAfter,
    String publicKeyAlgorithm,
    int publicKeyBits,
    String curve,
    String signatureAlgorithm,
    String signatureAlgorithmOid,
    String sha1Thumbprint,
    String sha256Thumbprint,
    List<String> sanUris,
    List<String> sanDnsNames,
    List<String> sanIpAddresses,
    boolean selfSigned,
    boolean ca) {

  public CertificateInfo {
    sanUris = List.copyOf(sanUris);
    sanDnsNames = List.copyOf(sanDnsNames);
    sanIpAddresses = List.copyOf(sanIpAddresses);
  }

  /** Whether {@code at} lies before the validity period. */
  public boolean notYetValidAt(Instant at) {
    return at.isBefore(notBefore);
  }

  /** Whether {@code at} lies after the validity period. */
  public boolean expiredAt(Instant at) {
    return at.isAfter(notAfter);
  }

  /** Whether the signature uses SHA-1 or an older hash (MD5, MD2). */
  public boolean weakSignatureHash() {
    String name = signatureAlgorithm.toUpperCase(Locale.ROOT);
    return name.startsWith("SHA1") || name.startsWith("MD5") || name.startsWith("MD2");
  }

  /** JSON-friendly fields. */
  public Map<String, Object> fields() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("subject", subject);
    f.put("issuer", issuer);
    f.put("serialNumber", serialNumber);
    f.put("notBefore", notBefore.toString());
    f.put("notAfter", notAfter.toString());
    f.put("publicKeyAlgorithm", publicKeyAlgorithm);
    f.put("publicKeyBits", publicKeyBits);
    if (curve != null) {
      f.put("curve", curve);
    }
    f.put("signatureAlgorithm", signatureAlgorithm);
    f.put("sha1Thumbprint", sha1Thumbprint);
    f.put("sha256Thumbprint", sha256Thumbprint);
    f.put("sanUris", sanUris);
    f.put("sanDnsNames", sanDnsNames);
    f.put("sanIpAddresses", sanIpAddresses);
    f.put("selfSigned", selfSigned);
    f.put("ca", ca);
    return f;
  }
}
