package io.fieldprint.collector.http;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small PKI for TLS tests, made with Bouncy Castle: EC P-256 keys, a CA, certificates it signs
 * (with any validity period, so an expired one is easy), PEM files and client SSL contexts.
 */
final class TestPki {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  private TestPki() {}

  /** A certificate and its key. */
  record Issued(X509Certificate certificate, KeyPair keys) {}

  static Issued ca(String dn) throws Exception {
    KeyPair keys = keys();
    Instant now = Instant.now();
    X500Name name = new X500Name(dn);
    X509v3CertificateBuilder b =
        builder(name, name, keys, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(2)));
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    return new Issued(sign(b, keys), keys);
  }

  /** A certificate valid from an hour ago for two days. */
  static Issued leaf(Issued issuer, String dn, boolean server) throws Exception {
    Instant now = Instant.now();
    return leaf(issuer, dn, server, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(2)));
  }

  static Issued leaf(Issued issuer, String dn, boolean server, Instant from, Instant to)
      throws Exception {
    KeyPair keys = keys();
    X509v3CertificateBuilder b =
        builder(
            X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
            new X500Name(dn),
            keys,
            from,
            to);
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    b.addExtension(
        Extension.extendedKeyUsage,
        false,
        new ExtendedKeyUsage(
            server ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
    if (server) {
      b.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
    }
    return new Issued(sign(b, issuer.keys()), keys);
  }

  /** A self-signed certificate no CA of ours vouches for. */
  static Issued selfSigned(String dn) throws Exception {
    KeyPair keys = keys();
    Instant now = Instant.now();
    X500Name name = new X500Name(dn);
    X509v3CertificateBuilder b =
        builder(name, name, keys, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(2)));
    return new Issued(sign(b, keys), keys);
  }

  /** A certificate, or a private key as PKCS#8, written as PEM. */
  static Path pem(Path file, Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(text)) {
      w.writeObject(
          object instanceof java.security.PrivateKey key
              ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null).generate()
              : object);
    }
    Files.writeString(file, text.toString());
    return file;
  }

  /** A client context trusting {@code server}'s certificate, presenting {@code client} if any. */
  static SSLContext client(X509Certificate trusted, Issued client) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server", trusted);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    if (client != null) {
      keys.setKeyEntry(
          "agent",
          client.keys().getPrivate(),
          "pw".toCharArray(),
          new java.security.cert.Certificate[] {client.certificate()});
    }
    kmf.init(keys, "pw".toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    javax.net.ssl.KeyManager[] managers =
        client == null
            ? kmf.getKeyManagers()
            : new javax.net.ssl.KeyManager[] {
              new Insistent((javax.net.ssl.X509ExtendedKeyManager) kmf.getKeyManagers()[0])
            };
    ctx.init(managers, tmf.getTrustManagers(), null);
    return ctx;
  }

  /**
   * Presents its certificate whatever CAs the server names, as a hostile or misconfigured client
   * would (the JDK's own key manager withholds a certificate of an issuer the server did not name).
   */
  private static final class Insistent extends javax.net.ssl.X509ExtendedKeyManager {
    private final javax.net.ssl.X509ExtendedKeyManager keys;

    Insistent(javax.net.ssl.X509ExtendedKeyManager keys) {
      this.keys = keys;
    }

    @Override
    public String chooseEngineClientAlias(
        String[] keyType, java.security.Principal[] issuers, javax.net.ssl.SSLEngine engine) {
      return "agent";
    }

    @Override
    public String chooseClientAlias(
        String[] keyType, java.security.Principal[] issuers, java.net.Socket socket) {
      return "agent";
    }

    @Override
    public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
      return new String[] {"agent"};
    }

    @Override
    public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(
        String keyType, java.security.Principal[] issuers, java.net.Socket socket) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return keys.getCertificateChain(alias);
    }

    @Override
    public java.security.PrivateKey getPrivateKey(String alias) {
      return keys.getPrivateKey(alias);
    }
  }

  private static KeyPair keys() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static X509v3CertificateBuilder builder(
      X500Name issuer, X500Name subject, KeyPair keys, Instant from, Instant to) {
    return new JcaX509v3CertificateBuilder(
        issuer,
        BigInteger.valueOf(SERIAL.incrementAndGet()),
        Date.from(from),
        Date.from(to),
        subject,
        keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter()
        .getCertificate(
            b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
  }
}
