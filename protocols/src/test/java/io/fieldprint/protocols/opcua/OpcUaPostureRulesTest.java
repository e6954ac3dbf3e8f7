package io.fieldprint.protocols.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Finding;
import io.fieldprint.protocols.model.Severity;
import io.fieldprint.protocols.x509.TestCertificates;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpcUaPostureRulesTest {
  private static final Instant AT = Instant.parse("2024-03-01T12:00:00Z");
  private static final String URL = "opc.tcp://10.0.0.17:4840";
  private static final String APP_URI = "urn:plc-17:vendor:ua-server";
  private static final ApplicationDescription SERVER =
      new ApplicationDescription(
          APP_URI,
          "urn:vendor:product",
          new LocalizedText("en", "UA Server"),
          0,
          null,
          null,
          List.of(URL));

  private static UserTokenPolicy token(String id, UserTokenType type, String policy) {
    return new UserTokenPolicy(id, type.ordinal(), null, null, policy);
  }

  private static EndpointDescription endpoint(
      MessageSecurityMode mode, String policy, byte[] cert, UserTokenPolicy... tokens) {
    return new EndpointDescription(
        URL, SERVER, cert, mode.ordinal(), policy, List.of(tokens), null, 1);
  }

  private static List<String> rules(List<PostureFinding> findings) {
    return findings.stream().map(f -> f.rule().id()).toList();
  }

  private static List<PostureFinding> only(List<PostureFinding> all, OpcUaPostureRule rule) {
    return all.stream().filter(f -> f.rule() == rule).toList();
  }

  private static final UserTokenPolicy ANONYMOUS = token("anon", UserTokenType.ANONYMOUS, null);

  private static final EndpointDescription SECURE =
      endpoint(
          MessageSecurityMode.SIGN_AND_ENCRYPT,
          SecurityPolicy.BASIC256SHA256,
          null,
          token("user", UserTokenType.USER_NAME, null));

  @Test
  void aSignAndEncryptBasic256Sha256EndpointWithPasswordsRaisesNothing() {
    assertEquals(List.of(), OpcUaPostureRules.evaluate(List.of(SECURE), AT));
  }

  @Test
  void securityModeNoneFiresOncePerEndpointUrl() {
    EndpointDescription none = endpoint(MessageSecurityMode.NONE, SecurityPolicy.NONE, null);
    List<PostureFinding> f = OpcUaPostureRules.evaluate(List.of(none, none, SECURE), AT);
    List<PostureFinding> mode = only(f, OpcUaPostureRule.SECURITY_MODE_NONE);
    assertEquals(1, mode.size());
    assertTrue(mode.get(0).detail().contains(URL));
    assertEquals(Severity.MEDIUM, mode.get(0).rule().severity());
  }

  @Test
  void signOnlyFiresPerPolicyAndNotForSignAndEncrypt() {
    EndpointDescription sign =
        endpoint(MessageSecurityMode.SIGN, SecurityPolicy.BASIC256SHA256, null);
    List<PostureFinding> f = OpcUaPostureRules.evaluate(List.of(sign, SECURE), AT);
    assertEquals(List.of("opcua.security-mode-sign-only"), rules(f));
    assertTrue(f.get(0).detail().contains("Basic256Sha256"));
  }

  @Test
  void deprecatedPoliciesFireAndCurrentOnesDoNot() {
    List<PostureFinding> f =
        OpcUaPostureRules.evaluate(
            List.of(
                endpoint(MessageSecurityMode.SIGN_AND_ENCRYPT, SecurityPolicy.BASIC128RSA15, null),
                endpoint(MessageSecurityMode.SIGN_AND_ENCRYPT, SecurityPolicy.BASIC256, null),
                endpoint(
                    MessageSecurityMode.SIGN_AND_ENCRYPT,
                    SecurityPolicy.AES256_SHA256_RSAPSS,
                    null)),
            AT);
    List<PostureFinding> deprecated = only(f, OpcUaPostureRule.DEPRECATED_SECURITY_POLICY);
    assertEquals(2, deprecated.size());
    assertTrue(deprecated.get(0).detail().contains("Basic128Rsa15"));
    assertTrue(deprecated.get(1).detail().contains("Basic256 "));
  }

  @Test
  void anonymousAccessIsOneFindingPerUrlListingTheModes() {
    List<PostureFinding> f =
        OpcUaPostureRules.evaluate(
            List.of(
                endpoint(MessageSecurityMode.NONE, SecurityPolicy.NONE, null, ANONYMOUS),
                endpoint(
                    MessageSecurityMode.SIGN_AND_ENCRYPT,
                    SecurityPolicy.BASIC256SHA256,
                    null,
                    ANONYMOUS)),
            AT);
    List<PostureFinding> anonymous = only(f, OpcUaPostureRule.ANONYMOUS_ACCESS);
    assertEquals(1, anonymous.size());
    assertTrue(anonymous.get(0).detail().contains("None, SignAndEncrypt"));
    assertEquals(
        List.of(),
        only(OpcUaPostureRules.evaluate(List.of(SECURE), AT), OpcUaPostureRule.ANONYMOUS_ACCESS));
  }

  @Test
  void userNameWithoutTokenEncryptionOnAnUnencryptedEndpointFires() {
    EndpointDescription emptyPolicy =
        endpoint(
            MessageSecurityMode.NONE,
            SecurityPolicy.NONE,
            null,
            token("u1", UserTokenType.USER_NAME, null));
    EndpointDescription explicitNone =
        endpoint(
            MessageSecurityMode.SIGN,
            SecurityPolicy.BASIC256SHA256,
            null,
            token("u2", UserTokenType.USER_NAME, SecurityPolicy.NONE));
    List<PostureFinding> f =
        only(
            OpcUaPostureRules.evaluate(List.of(emptyPolicy, explicitNone), AT),
            OpcUaPostureRule.USERNAME_OVER_UNENCRYPTED);
    assertEquals(2, f.size());
    assertEquals(Severity.HIGH, f.get(0).rule().severity());
  }

  @Test
  void userNameWithTokenEncryptionOrOnAnEncryptedEndpointDoesNotFire() {
    EndpointDescription tokenEncrypted =
        endpoint(
            MessageSecurityMode.NONE,
            SecurityPolicy.NONE,
            null,
            token("u", UserTokenType.USER_NAME, SecurityPolicy.BASIC256SHA256));
    EndpointDescription signInheritsPolicy =
        endpoint(
            MessageSecurityMode.SIGN,
            SecurityPolicy.BASIC256SHA256,
            null,
            token("u", UserTokenType.USER_NAME, ""));
    List<PostureFinding> f =
        OpcUaPostureRules.evaluate(List.of(tokenEncrypted, signInheritsPolicy, SECURE), AT);
    assertEquals(List.of(), only(f, OpcUaPostureRule.USERNAME_OVER_UNENCRYPTED));
  }

  @Test
  void weakTokenEncryptionFiresForBasic128Rsa15TokensExplicitOrInherited() {
    EndpointDescription explicit =
        endpoint(
            MessageSecurityMode.NONE,
            SecurityPolicy.NONE,
            null,
            token("u", UserTokenType.USER_NAME, SecurityPolicy.BASIC128RSA15));
    EndpointDescription inherited =
        endpoint(
            MessageSecurityMode.SIGN_AND_ENCRYPT,
            SecurityPolicy.BASIC128RSA15,
            null,
            token("c", UserTokenType.CERTIFICATE, null),
            ANONYMOUS);
    List<PostureFinding> f =
        only(
            OpcUaPostureRules.evaluate(List.of(explicit, inherited), AT),
            OpcUaPostureRule.WEAK_TOKEN_ENCRYPTION);
    assertEquals(2, f.size());
    assertEquals(
        List.of(),
        only(
            OpcUaPostureRules.evaluate(List.of(SECURE), AT),
            OpcUaPostureRule.WEAK_TOKEN_ENCRYPTION));
  }

  @Test
  void endpointCertificatesAreEvaluatedOncePerDistinctCertificate() {
    byte[] expired =
        TestCertificates.builder()
            .validity(Instant.parse("2019-01-01T00:00:00Z"), Instant.parse("2020-01-01T00:00:00Z"))
            .uri(APP_URI)
            .build()
            .der();
    EndpointDescription a =
        endpoint(MessageSecurityMode.SIGN_AND_ENCRYPT, SecurityPolicy.BASIC256SHA256, expired);
    EndpointDescription b =
        endpoint(
            MessageSecurityMode.SIGN_AND_ENCRYPT, SecurityPolicy.AES128_SHA256_RSAOAEP, expired);
    List<PostureFinding> f = OpcUaPostureRules.evaluate(List.of(a, b), AT);
    assertEquals(List.of("opcua.certificate-expired", "opcua.certificate-self-signed"), rules(f));
  }

  @Test
  void channelPolicyFindingOnlyForDeprecatedPolicies() {
    PostureFinding f = OpcUaPostureRules.channelPolicy(SecurityPolicy.BASIC256, URL);
    assertEquals(OpcUaPostureRule.DEPRECATED_SECURITY_POLICY, f.rule());
    assertEquals(URL + "|Basic256", f.subjectKey());
    assertNull(OpcUaPostureRules.channelPolicy(SecurityPolicy.BASIC256SHA256, URL));
    assertNull(OpcUaPostureRules.channelPolicy(SecurityPolicy.NONE, URL));
  }

  @Test
  void cleartextPasswordFindingNeedsAnUnencryptedUserNameToken() {
    UserIdentityToken clear = new UserIdentityToken(UserTokenType.USER_NAME, "u", true, null);
    UserIdentityToken encrypted =
        new UserIdentityToken(
            UserTokenType.USER_NAME, "u", true, "http://www.w3.org/2001/04/xmlenc#rsa-oaep");
    UserIdentityToken anonymous = new UserIdentityToken(UserTokenType.ANONYMOUS, "a", false, null);
    PostureFinding f =
        OpcUaPostureRules.usernameTokenCleartext(clear, SecurityPolicy.NONE, false, "10.0.0.5");
    assertEquals(OpcUaPostureRule.USERNAME_TOKEN_CLEARTEXT, f.rule());
    assertTrue(f.detail().contains("password is exposed"));
    assertNull(
        OpcUaPostureRules.usernameTokenCleartext(encrypted, SecurityPolicy.NONE, false, "c"));
    assertNull(
        OpcUaPostureRules.usernameTokenCleartext(anonymous, SecurityPolicy.NONE, false, "c"));
    assertNull(
        OpcUaPostureRules.usernameTokenCleartext(clear, SecurityPolicy.BASIC256SHA256, true, "c"));
  }

  @Test
  void anonymousSessionFindingNamesTheClientAndChannel() {
    PostureFinding f =
        OpcUaPostureRules.anonymousSessionUsed(
            new UserIdentityToken(UserTokenType.ANONYMOUS, "anon", false, null),
            SecurityPolicy.NONE,
            "10.0.0.5");
    assertEquals("opcua.session-anonymous-used", f.rule().id());
    assertTrue(f.detail().contains("10.0.0.5") && f.detail().contains("None channel"));
  }

  @Test
  void postureFindingBecomesAFindingAboutTheGivenDevice() {
    PostureFinding p =
        new PostureFinding(OpcUaPostureRule.SECURITY_MODE_NONE, URL, "Endpoint x offers None");
    DeviceRef device = DeviceRef.of(null, "10.0.0.17");
    Evidence evidence = new Evidence("opcua.get-endpoints-response", AT, "scan", Map.of());
    Finding f = p.toFinding(device, evidence);
    assertEquals(
        new Finding(
            device,
            "opcua.security-mode-none",
            Severity.MEDIUM,
            "OPC UA endpoint without message security",
            "Endpoint x offers None",
            evidence),
        f);
  }

  @Test
  void ruleIdsAreUniqueAndNamespaced() {
    long distinct =
        java.util.Arrays.stream(OpcUaPostureRule.values())
            .map(OpcUaPostureRule::id)
            .distinct()
            .filter(id -> id.startsWith("opcua."))
            .count();
    assertEquals(OpcUaPostureRule.values().length, distinct);
  }
}
