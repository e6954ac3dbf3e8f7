package io.fieldprint.protocols.x509;

import java.io.ByteArrayInputStream;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Decodes DER certificates with the JDK's X.509 {@link CertificateFactory}. Accepts one certificate
 * or several concatenated (as OPC UA sends a chain in one ByteString): the bytes are split on their
 * outer DER SEQUENCE lengths first, so trailing garbage or a truncated element is reported instead
 * of half-read. Never throws on bad input.
 */
public final class CertificateDecoder {
  /** Most certificates decoded from one chain. */
  public static final int MAX_CHAIN = 8;

  private static final Map<String, String> CURVE_NAMES =
      Map.of(
          "1.2.840.10045.3.1.7", "secp256r1",
          "1.3.132.0.34", "secp384r1",
          "1.3.132.0.35", "secp521r1",
          "1.3.36.3.3.2.8.1.1.7", "brainpoolP256r1",
          "1.3.36.3.3.2.8.1.1.11", "brainpoolP384r1");

  private CertificateDecoder() {}

  /** Decodes {@code der}: one certificate or a concatenated chain. */
  public static CertificateChain decode(byte[] der) {
    if (der == null || der.length == 0) {
      return new CertificateChain.Malformed("no certificate bytes");
    }
    List<CertificateInfo> chain = new ArrayList<>();
    int offset = 0;
    while (offset < der.length) {
      if (chain.size() == MAX_CHAIN) {
        return new CertificateChain.Malformed("chain longer than " + MAX_CHAIN + " certificates");
      }
      int length = elementLength(der, offset);
      if (length < 0) {
        return new CertificateChain.Malformed(
            "certificate " + (chain.size() + 1) + " is not a complete DER SEQUENCE");
      }
      byte[] one = Arrays.copyOfRange(der, offset, offset + length);
      X509Certificate certificate = parse(one);
      if (certificate == null) {
        return new CertificateChain.Malformed(
            "certificate " + (chain.size() + 1) + " is not a valid X.509 certificate");
      }
      chain.add(describe(certificate, one));
      offset += length;
    }
    return new CertificateChain.Decoded(chain);
  }

  /** Total length (header included) of the DER SEQUENCE at {@code offset}, or -1. */
  static int elementLength(byte[] der, int offset) {
    if (der.length - offset < 2 || (der[offset] & 0xFF) != 0x30) {
      return -1;
    }
    int first = der[offset + 1] & 0xFF;
    long content;
    int header;
    if (first < 0x80) {
      content = first;
      header = 2;
    } else {
      int octets = first & 0x7F;
      if (octets == 0 || octets > 4 || der.length - offset < 2 + octets) {
        return -1;
      }
      content = 0;
      for (int i = 0; i < octets; i++) {
        content = (content << 8) | (der[offset + 2 + i] & 0xFF);
      }
      header = 2 + octets;
    }
    long total = header + content;
    return total <= der.length - offset ? (int) total : -1;
  }

  private static X509Certificate parse(byte[] der) {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException | RuntimeException e) {
      // the JDK parser reports hostile DER in several ways; all of them mean "not a certificate"
      return null;
    }
  }

  private static CertificateInfo describe(X509Certificate c, byte[] der) {
    PublicKey key = c.getPublicKey();
    return new CertificateInfo(
        c.getSubjectX500Principal().getName(),
        c.getIssuerX500Principal().getName(),
        c.getSerialNumber().toString(16),
        c.getNotBefore().toInstant(),
        c.getNotAfter().toInstant(),
        key.getAlgorithm(),
        keyBits(key),
        curve(key),
        c.getSigAlgName(),
        c.getSigAlgOID(),
        digest("SHA-1", der),
        digest("SHA-256", der),
        altNames(c, 6),
        altNames(c, 2),
        altNames(c, 7),
        selfSigned(c),
        c.getBasicConstraints() >= 0);
  }

  private static int keyBits(PublicKey key) {
    if (key instanceof RSAPublicKey) {
      return ((RSAPublicKey) key).getModulus().bitLength();
    }
    if (key instanceof ECPublicKey) {
      return ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize();
    }
    if (key instanceof DSAPublicKey && ((DSAPublicKey) key).getParams() != null) {
      return ((DSAPublicKey) key).getParams().getP().bitLength();
    }
    return -1;
  }

  private static String curve(PublicKey key) {
    if (key instanceof EdECPublicKey) {
      return ((EdECPublicKey) key).getParams().getName();
    }
    if (!(key instanceof ECPublicKey)) {
      return null;
    }
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(((ECPublicKey) key).getParams());
      String oid = parameters.getParameterSpec(ECGenParameterSpec.class).getName();
      return CURVE_NAMES.getOrDefault(oid, oid);
    } catch (GeneralSecurityException | RuntimeException e) {
      // explicit (unnamed) curve parameters: there is no name to give
      return "explicit";
    }
  }

  /** subjectAltName entries of one GeneralName type (2 DNS, 6 URI, 7 IP). */
  private static List<String> altNames(X509Certificate c, int type) {
    Collection<List<?>> names;
    try {
      names = c.getSubjectAlternativeNames();
    } catch (CertificateParsingException | RuntimeException e) {
      // an undecodable extension reads as no names
      return List.of();
    }
    if (names == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (List<?> name : names) {
      if (name.size() >= 2
          && name.get(0) instanceof Integer
          && (Integer) name.get(0) == type
          && name.get(1) instanceof String) {
        out.add((String) name.get(1));
      }
    }
    return out;
  }

  private static boolean selfSigned(X509Certificate c) {
    if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
      return false;
    }
    try {
      c.verify(c.getPublicKey());
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      // same names but another key signed it (or the algorithm is unavailable): not self-signed
      return false;
    }
  }

  private static String digest(String algorithm, byte[] der) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK always provides " + algorithm, e);
    }
  }
}
