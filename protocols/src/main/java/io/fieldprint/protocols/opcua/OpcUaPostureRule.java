package io.fieldprint.protocols.opcua;

import io.fieldprint.protocols.model.Severity;

/**
 * The OPC UA posture rules, with stable ids and severities. Documented in {@code
 * docs/reference/findings-opcua.md}.
 */
public enum OpcUaPostureRule {
  SECURITY_MODE_NONE(
      "opcua.security-mode-none", Severity.MEDIUM, "OPC UA endpoint without message security"),
  SECURITY_MODE_SIGN_ONLY(
      "opcua.security-mode-sign-only", Severity.LOW, "OPC UA endpoint signs but does not encrypt"),
  DEPRECATED_SECURITY_POLICY(
      "opcua.deprecated-security-policy", Severity.MEDIUM, "Deprecated OPC UA security policy"),
  ANONYMOUS_ACCESS(
      "opcua.anonymous-access", Severity.MEDIUM, "OPC UA endpoint accepts anonymous users"),
  USERNAME_OVER_UNENCRYPTED(
      "opcua.username-over-unencrypted",
      Severity.HIGH,
      "OPC UA endpoint accepts passwords without encryption"),
  WEAK_TOKEN_ENCRYPTION(
      "opcua.weak-token-encryption",
      Severity.MEDIUM,
      "OPC UA user tokens encrypted with RSA PKCS#1 v1.5"),
  CERTIFICATE_EXPIRED(
      "opcua.certificate-expired", Severity.MEDIUM, "OPC UA server certificate expired"),
  CERTIFICATE_NOT_YET_VALID(
      "opcua.certificate-not-yet-valid", Severity.LOW, "OPC UA server certificate not yet valid"),
  CERTIFICATE_SELF_SIGNED(
      "opcua.certificate-self-signed", Severity.INFO, "OPC UA server certificate is self-signed"),
  CERTIFICATE_SHA1_SIGNATURE(
      "opcua.certificate-sha1-signature",
      Severity.MEDIUM,
      "OPC UA server certificate signed with SHA-1"),
  CERTIFICATE_WEAK_KEY(
      "opcua.certificate-weak-key", Severity.MEDIUM, "OPC UA server certificate key too short"),
  CERTIFICATE_URI_MISMATCH(
      "opcua.certificate-uri-mismatch",
      Severity.LOW,
      "OPC UA certificate does not name the application"),
  SESSION_ANONYMOUS_USED(
      "opcua.session-anonymous-used", Severity.MEDIUM, "Anonymous OPC UA session accepted"),
  USERNAME_TOKEN_CLEARTEXT(
      "opcua.username-token-cleartext", Severity.HIGH, "OPC UA password sent in clear text");

  private final String id;
  private final Severity severity;
  private final String title;

  OpcUaPostureRule(String id, Severity severity, String title) {
    this.id = id;
    this.severity = severity;
    this.title = title;
  }

  /** Stable rule id, e.g. {@code opcua.security-mode-none}. */
  public String id() {
    return id;
  }

  public Severity severity() {
    return severity;
  }

  public String title() {
    return title;
  }
}
