package io.fieldprint.protocols.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.x509.CertificateChain;
import io.fieldprint.protocols.x509.CertificateDecoder;
import io.fieldprint.protocols.x509.TestCertificates;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificatePostureRulesTest {
  private static final Instant AT = Instant.parse("2024-03-01T12:00:00Z");
  private static final String APP_URI = "urn:plc-17:vendor:ua-server";

  private static final TestCertificates.Issued CA =
      TestCertificates.builder().subject("CN=Plant CA").ownKey("ca").ca().build();

  /** A certificate that raises nothing: CA-signed, current, SHA-256, 2048 bits, URI matches. */
  private static TestCertificates.Builder good() {
    return TestCertificates.builder().subject("CN=plc-17").uri(APP_URI).issuedBy(CA);
  }

  private static List<PostureFinding> evaluate(TestCertificates.Builder b, String appUri) {
    CertificateChain chain = CertificateDecoder.decode(b.build().der());
    return CertificatePostureRules.evaluate(chain, appUri, AT);
  }

  private static List<String> rules(List<PostureFinding> f) {
    return f.stream().map(p -> p.rule().id()).toList();
  }

  @Test
  void aCurrentCaSignedCertificateNamingTheApplicationRaisesNothing() {
    assertEquals(List.of(), evaluate(good(), APP_URI));
  }

  @Test
  void expiredFiresAfterNotAfterOnly() {
    TestCertificates.Builder expired =
        good()
            .validity(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2024-03-01T11:59:59Z"));
    List<PostureFinding> f = evaluate(expired, APP_URI);
    assertEquals(List.of("opcua.certificate-expired"), rules(f));
    assertTrue(f.get(0).detail().contains("2024-03-01T11:59:59Z"));
    TestCertificates.Builder stillValid =
        good()
            .validity(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2024-03-01T12:00:01Z"));
    assertEquals(List.of(), evaluate(stillValid, APP_URI));
  }

  @Test
  void notYetValidFiresBeforeNotBefore() {
    TestCertificates.Builder future =
        good()
            .validity(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"));
    assertEquals(List.of("opcua.certificate-not-yet-valid"), rules(evaluate(future, APP_URI)));
  }

  @Test
  void selfSignedIsInformational() {
    List<PostureFinding> f =
        evaluate(TestCertificates.builder().subject("CN=plc-17").uri(APP_URI), APP_URI);
    assertEquals(List.of("opcua.certificate-self-signed"), rules(f));
    assertEquals(io.fieldprint.protocols.model.Severity.INFO, f.get(0).rule().severity());
  }

  @Test
  void sha1SignatureFires() {
    assertEquals(
        List.of("opcua.certificate-sha1-signature"),
        rules(evaluate(good().signature("SHA1withRSA"), APP_URI)));
  }

  @Test
  void rsaKeyShorterThan2048BitsFires() {
    List<PostureFinding> f = evaluate(good().rsa(1024), APP_URI);
    assertEquals(List.of("opcua.certificate-weak-key"), rules(f));
    assertTrue(f.get(0).detail().contains("1024-bit"));
    assertEquals(List.of(), evaluate(good().rsa(3072), APP_URI));
  }

  @Test
  void uriMismatchFiresWhenTheSanUriDiffersOrIsMissing() {
    assertEquals(
        List.of("opcua.certificate-uri-mismatch"),
        rules(evaluate(good(), "urn:other:application")));
    TestCertificates.Builder noUri = TestCertificates.builder().subject("CN=x").issuedBy(CA);
    List<PostureFinding> f = evaluate(noUri, APP_URI);
    assertEquals(List.of("opcua.certificate-uri-mismatch"), rules(f));
    assertTrue(f.get(0).detail().contains("no URI"));
  }

  @Test
  void uriCheckIsSkippedWhenTheApplicationUriIsUnknown() {
    assertEquals(List.of(), evaluate(good(), null));
  }

  @Test
  void malformedCertificateGivesNoFindings() {
    assertEquals(
        List.of(),
        CertificatePostureRules.evaluate(new CertificateChain.Malformed("bad"), APP_URI, AT));
  }

  @Test
  void findingsAreKeyedByThumbprint() {
    CertificateChain chain =
        CertificateDecoder.decode(good().signature("SHA1withRSA").rsa(1024).build().der());
    List<PostureFinding> f = CertificatePostureRules.evaluate(chain, APP_URI, AT);
    String thumbprint = ((CertificateChain.Decoded) chain).leaf().sha1Thumbprint();
    assertEquals(2, f.size());
    f.forEach(p -> assertEquals(thumbprint, p.subjectKey()));
  }
}
