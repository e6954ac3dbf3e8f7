package io.fieldprint.protocols.x509;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Generates X.509 certificates for tests (Bouncy Castle, test scope only). */
public final class TestCertificates {
  private static final Map<String, KeyPair> KEYS = new HashMap<>();

  private TestCertificates() {}

  /** A generated certificate with its key pair and DER encoding. */
  public record Issued(X509Certificate certificate, KeyPair keys, byte[] der) {}

  public static Builder builder() {
    return new Builder();
  }

  /** A reusable key pair per algorithm/size (key generation is slow). */
  static synchronized KeyPair keys(String spec) {
    return KEYS.computeIfAbsent(spec, TestCertificates::generate);
  }

  private static KeyPair generate(String spec) {
    try {
      if (spec.startsWith("EC:")) {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(spec.substring(3).split("#")[0]));
        return g.generateKeyPair();
      }
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(Integer.parseInt(spec.substring(4).split("#")[0]));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Describes one certificate to generate; self-signed unless {@link #issuedBy} is called. */
  public static final class Builder {
    /** Written most-significant RDN first, so RFC 2253 output reads CN first. */
    private String subject = "C=DE,O=Vendor AG,CN=UaServer@plc-17";

    private String keySpec = "RSA:2048";
    private String keyName = "";
    private String signature = "SHA256withRSA";
    private Instant notBefore = Instant.parse("2023-01-01T00:00:00Z");
    private Instant notAfter = Instant.parse("2033-01-01T00:00:00Z");
    private final List<GeneralName> altNames = new ArrayList<>();
    private boolean ca;
    private Issued issuer;

    public Builder subject(String dn) {
      subject = dn;
      return this;
    }

    public Builder rsa(int bits) {
      keySpec = "RSA:" + bits;
      return this;
    }

    public Builder ec(String curve) {
      keySpec = "EC:" + curve;
      signature = "SHA256withECDSA";
      return this;
    }

    /** Uses a separate key pair from other certificates with the same key size. */
    public Builder ownKey(String name) {
      keyName = "#" + name;
      return this;
    }

    public Builder signature(String algorithm) {
      signature = algorithm;
      return this;
    }

    public Builder validity(Instant from, Instant to) {
      notBefore = from;
      notAfter = to;
      return this;
    }

    public Builder uri(String uri) {
      altNames.add(new GeneralName(GeneralName.uniformResourceIdentifier, uri));
      return this;
    }

    public Builder dns(String name) {
      altNames.add(new GeneralName(GeneralName.dNSName, name));
      return this;
    }

    public Builder ip(String address) {
      altNames.add(new GeneralName(GeneralName.iPAddress, address));
      return this;
    }

    public Builder ca() {
      ca = true;
      return this;
    }

    public Builder issuedBy(Issued issuingCa) {
      issuer = issuingCa;
      return this;
    }

    public Issued build() {
      try {
        KeyPair keys = keys(keySpec + keyName);
        X500Name issuerName =
            issuer == null
                ? new X500Name(subject)
                : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        PrivateKey signer = issuer == null ? keys.getPrivate() : issuer.keys().getPrivate();
        X509v3CertificateBuilder b =
            new JcaX509v3CertificateBuilder(
                issuerName,
                BigInteger.valueOf(Math.abs((long) subject.hashCode()) + 1),
                Date.from(notBefore),
                Date.from(notAfter),
                new X500Name(subject),
                keys.getPublic());
        if (!altNames.isEmpty()) {
          b.addExtension(
              Extension.subjectAlternativeName,
              false,
              new GeneralNames(altNames.toArray(new GeneralName[0])));
        }
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        X509Certificate c =
            new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder(signature).build(signer)));
        return new Issued(c, keys, c.getEncoded());
      } catch (Exception e) {
        throw new IllegalStateException("test certificate generation failed", e);
      }
    }
  }
}
