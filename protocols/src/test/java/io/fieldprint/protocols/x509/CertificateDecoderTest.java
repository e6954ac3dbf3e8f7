package io.fieldprint.protocols.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CertificateDecoderTest {

  private static CertificateInfo leaf(byte[] der) {
    CertificateChain chain = CertificateDecoder.decode(der);
    assertInstanceOf(CertificateChain.Decoded.class, chain, chain::toString);
    return ((CertificateChain.Decoded) chain).leaf();
  }

  private static byte[] concat(byte[]... parts) {
    int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    byte[] out = new byte[length];
    int offset = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, offset, p.length);
      offset += p.length;
    }
    return out;
  }

  @Test
  void selfSignedApplicationCertificateIsDescribedCompletely() throws Exception {
    TestCertificates.Issued issued =
        TestCertificates.builder()
            .subject("C=DE,O=Vendor AG,CN=UaServer@plc-17")
            .validity(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2033-01-01T00:00:00Z"))
            .uri("urn:plc-17:vendor:ua-server")
            .dns("plc-17.plant.example")
            .ip("10.0.0.17")
            .build();
    CertificateInfo c = leaf(issued.der());
    assertEquals("CN=UaServer@plc-17,O=Vendor AG,C=DE", c.subject());
    assertEquals(c.subject(), c.issuer());
    assertEquals(issued.certificate().getSerialNumber().toString(16), c.serialNumber());
    assertEquals(Instant.parse("2023-01-01T00:00:00Z"), c.notBefore());
    assertEquals(Instant.parse("2033-01-01T00:00:00Z"), c.notAfter());
    assertEquals("RSA", c.publicKeyAlgorithm());
    assertEquals(2048, c.publicKeyBits());
    assertNull(c.curve());
    assertEquals("SHA256withRSA", c.signatureAlgorithm());
    assertEquals("1.2.840.113549.1.1.11", c.signatureAlgorithmOid());
    assertEquals(
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(issued.der())),
        c.sha1Thumbprint());
    assertEquals(64, c.sha256Thumbprint().length());
    assertEquals(List.of("urn:plc-17:vendor:ua-server"), c.sanUris());
    assertEquals(List.of("plc-17.plant.example"), c.sanDnsNames());
    assertEquals(List.of("10.0.0.17"), c.sanIpAddresses());
    assertTrue(c.selfSigned());
    assertFalse(c.ca());
    assertFalse(c.weakSignatureHash());
  }

  @Test
  void ecKeyReportsCurveAndFieldSize() {
    CertificateInfo c = leaf(TestCertificates.builder().ec("secp384r1").build().der());
    assertEquals("EC", c.publicKeyAlgorithm());
    assertEquals(384, c.publicKeyBits());
    assertEquals("secp384r1", c.curve());
    assertEquals("SHA256withECDSA", c.signatureAlgorithm());
  }

  @Test
  void sha1SignatureAndShortKeyAreVisible() {
    CertificateInfo c =
        leaf(TestCertificates.builder().rsa(1024).signature("SHA1withRSA").build().der());
    assertEquals(1024, c.publicKeyBits());
    assertEquals("SHA1withRSA", c.signatureAlgorithm());
    assertTrue(c.weakSignatureHash());
  }

  @Test
  void certificateIssuedByACaIsNotSelfSigned() {
    TestCertificates.Issued ca =
        TestCertificates.builder().subject("O=Operator,CN=Plant CA").ownKey("ca").ca().build();
    TestCertificates.Issued server =
        TestCertificates.builder().subject("CN=plc-17").issuedBy(ca).build();
    CertificateInfo c = leaf(server.der());
    assertEquals("CN=Plant CA,O=Operator", c.issuer());
    assertFalse(c.selfSigned());
    assertTrue(leaf(ca.der()).ca());
    assertTrue(leaf(ca.der()).selfSigned());
  }

  @Test
  void sameSubjectAndIssuerButAnotherSignerIsNotSelfSigned() {
    TestCertificates.Issued impostor =
        TestCertificates.builder().subject("CN=twin").ownKey("impostor").build();
    TestCertificates.Issued twin =
        TestCertificates.builder().subject("CN=twin").issuedBy(impostor).build();
    CertificateInfo c = leaf(twin.der());
    assertEquals(c.subject(), c.issuer());
    assertFalse(c.selfSigned());
  }

  @Test
  void concatenatedChainDecodesInOrder() {
    TestCertificates.Issued ca =
        TestCertificates.builder().subject("CN=Plant CA").ownKey("ca").ca().build();
    TestCertificates.Issued server =
        TestCertificates.builder().subject("CN=plc-17").issuedBy(ca).build();
    CertificateChain chain = CertificateDecoder.decode(concat(server.der(), ca.der()));
    List<CertificateInfo> all = ((CertificateChain.Decoded) chain).certificates();
    assertEquals(2, all.size());
    assertEquals("CN=plc-17", all.get(0).subject());
    assertEquals("CN=Plant CA", all.get(1).subject());
  }

  @Test
  void validityChecksUseTheGivenInstant() {
    CertificateInfo c =
        leaf(
            TestCertificates.builder()
                .validity(
                    Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z"))
                .build()
                .der());
    assertTrue(c.notYetValidAt(Instant.parse("2019-12-31T23:59:59Z")));
    assertFalse(c.expiredAt(Instant.parse("2020-06-01T00:00:00Z")));
    assertTrue(c.expiredAt(Instant.parse("2021-01-01T00:00:01Z")));
  }

  @Test
  void garbageEmptyAndTruncatedInputAreMalformed() {
    byte[] der = TestCertificates.builder().build().der();
    assertInstanceOf(CertificateChain.Malformed.class, CertificateDecoder.decode(null));
    assertInstanceOf(CertificateChain.Malformed.class, CertificateDecoder.decode(new byte[0]));
    assertInstanceOf(
        CertificateChain.Malformed.class, CertificateDecoder.decode("not a cert".getBytes()));
    for (int length = 1; length < der.length; length += 7) {
      CertificateChain chain = CertificateDecoder.decode(Arrays.copyOf(der, length));
      assertInstanceOf(CertificateChain.Malformed.class, chain, "length " + length);
    }
    CertificateChain trailing = CertificateDecoder.decode(concat(der, new byte[] {0, 0}));
    assertInstanceOf(CertificateChain.Malformed.class, trailing);
  }

  @Test
  void validDerSequenceThatIsNotACertificateIsMalformed() {
    CertificateChain chain = CertificateDecoder.decode(new byte[] {0x30, 0x03, 0x02, 0x01, 0x05});
    assertEquals(
        new CertificateChain.Malformed("certificate 1 is not a valid X.509 certificate"), chain);
  }

  @Test
  void overLongChainIsMalformed() {
    byte[] der = TestCertificates.builder().build().der();
    byte[][] nine = new byte[CertificateDecoder.MAX_CHAIN + 1][];
    Arrays.fill(nine, der);
    assertInstanceOf(CertificateChain.Malformed.class, CertificateDecoder.decode(concat(nine)));
  }

  @Test
  void randomlyMutatedCertificatesNeverThrow() {
    byte[] der = TestCertificates.builder().uri("urn:x").dns("x").build().der();
    Random random = new Random(20240301L);
    for (int i = 0; i < 300; i++) {
      byte[] mutated = der.clone();
      for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
        mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
      }
      CertificateDecoder.decode(mutated);
    }
  }

  @Test
  void derLengthParsingHandlesShortAndLongForms() {
    assertEquals(2, CertificateDecoder.elementLength(new byte[] {0x30, 0x00}, 0));
    assertEquals(-1, CertificateDecoder.elementLength(new byte[] {0x30, (byte) 0x80}, 0));
    assertEquals(
        -1, CertificateDecoder.elementLength(new byte[] {0x30, (byte) 0x85, 1, 1, 1, 1, 1}, 0));
    assertEquals(-1, CertificateDecoder.elementLength(new byte[] {0x31, 0x00}, 0));
    byte[] longForm = new byte[4 + 300];
    longForm[0] = 0x30;
    longForm[1] = (byte) 0x82;
    longForm[2] = 0x01;
    longForm[3] = 0x2C;
    assertEquals(304, CertificateDecoder.elementLength(longForm, 0));
    assertEquals(-1, CertificateDecoder.elementLength(Arrays.copyOf(longForm, 303), 0));
  }
}
