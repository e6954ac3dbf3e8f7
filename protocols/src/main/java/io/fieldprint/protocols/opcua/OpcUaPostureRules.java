package io.fieldprint.protocols.opcua;

import io.fieldprint.protocols.x509.CertificateChain;
import io.fieldprint.protocols.x509.CertificateDecoder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Posture rules over what an OPC UA server offers (its EndpointDescriptions and certificates) and
 * what passive capture sees a session do. Shared by the passive decoder (evaluated at the capture
 * timestamp) and the active scanner (evaluated at probe time). Results are {@link PostureFinding}s,
 * one per rule and distinct subject (endpoint URL, policy, certificate); turn them into findings
 * with {@link PostureFinding#toFinding}.
 */
public final class OpcUaPostureRules {

  private OpcUaPostureRules() {}

  /**
   * All endpoint and certificate rules; certificates are decoded with {@link CertificateDecoder}.
   */
  public static List<PostureFinding> evaluate(List<EndpointDescription> endpoints, Instant at) {
    return evaluate(endpoints, at, CertificateDecoder::decode);
  }

  /**
   * All endpoint and certificate rules, decoding certificates with {@code certificates} (pass a
   * cache to decode each distinct certificate once).
   */
  public static List<PostureFinding> evaluate(
      List<EndpointDescription> endpoints,
      Instant at,
      Function<byte[], CertificateChain> certificates) {
    List<PostureFinding> out = new ArrayList<>(endpointFindings(endpoints));
    Set<String> seen = new LinkedHashSet<>();
    for (EndpointDescription e : endpoints) {
      if (e.serverCertificate() == null || e.serverCertificate().length == 0) {
        continue;
      }
      CertificateChain chain = certificates.apply(e.serverCertificate());
      String applicationUri = e.server() == null ? null : e.server().applicationUri();
      for (PostureFinding f : CertificatePostureRules.evaluate(chain, applicationUri, at)) {
        if (seen.add(f.dedupeKey())) {
          out.add(f);
        }
      }
    }
    return out;
  }

  /** The rules on security modes, policies and user token policies. */
  public static List<PostureFinding> endpointFindings(List<EndpointDescription> endpoints) {
    Map<String, PostureFinding> out = new LinkedHashMap<>();
    Map<String, List<String>> anonymousModes = new LinkedHashMap<>();
    for (EndpointDescription e : endpoints) {
      modeAndPolicy(out, e);
      tokenFindings(out, e, anonymousModes);
    }
    anonymousModes.forEach(
        (url, modes) ->
            add(
                out,
                OpcUaPostureRule.ANONYMOUS_ACCESS,
                url,
                "Endpoint "
                    + url
                    + " accepts anonymous users (SecurityModes "
                    + String.join(", ", modes)
                    + ")"));
    return new ArrayList<>(out.values());
  }

  private static void modeAndPolicy(Map<String, PostureFinding> out, EndpointDescription e) {
    String url = e.endpointUrl();
    String policy = SecurityPolicy.shortName(e.securityPolicyUri());
    if (e.securityMode() == MessageSecurityMode.NONE.ordinal()) {
      add(
          out,
          OpcUaPostureRule.SECURITY_MODE_NONE,
          url,
          "Endpoint "
              + url
              + " offers SecurityMode None: messages are neither signed nor"
              + " encrypted (user tokens: "
              + tokenTypes(e)
              + ")");
    } else if (e.securityMode() == MessageSecurityMode.SIGN.ordinal()) {
      add(
          out,
          OpcUaPostureRule.SECURITY_MODE_SIGN_ONLY,
          url + "|" + policy,
          "Endpoint "
              + url
              + " offers SecurityMode Sign with "
              + policy
              + ": messages are signed but readable on the network");
    }
    if (SecurityPolicy.isDeprecated(e.securityPolicyUri())) {
      add(
          out,
          OpcUaPostureRule.DEPRECATED_SECURITY_POLICY,
          url + "|" + policy,
          "Endpoint "
              + url
              + " offers the deprecated SecurityPolicy "
              + policy
              + " (SHA-1 based; deprecated since OPC UA 1.04)");
    }
  }

  private static void tokenFindings(
      Map<String, PostureFinding> out,
      EndpointDescription e,
      Map<String, List<String>> anonymousModes) {
    String url = e.endpointUrl();
    for (UserTokenPolicy t : e.userIdentityTokens()) {
      String effective = t.effectivePolicyUri(e.securityPolicyUri());
      if (t.tokenType() == UserTokenType.ANONYMOUS.ordinal()) {
        List<String> modes = anonymousModes.computeIfAbsent(url, k -> new ArrayList<>());
        String mode = MessageSecurityMode.nameOf(e.securityMode());
        if (!modes.contains(mode)) {
          modes.add(mode);
        }
      } else if (t.tokenType() == UserTokenType.USER_NAME.ordinal()
          && passwordUnprotected(e.securityMode(), effective)) {
        add(
            out,
            OpcUaPostureRule.USERNAME_OVER_UNENCRYPTED,
            url + "|" + t.policyId(),
            "Endpoint "
                + url
                + " (SecurityMode "
                + MessageSecurityMode.nameOf(e.securityMode())
                + ") accepts UserName token policy '"
                + t.policyId()
                + "' with token SecurityPolicy None: passwords cross the network readable");
      }
      if (t.tokenType() != UserTokenType.ANONYMOUS.ordinal()
          && SecurityPolicy.BASIC128RSA15.equals(effective)) {
        add(
            out,
            OpcUaPostureRule.WEAK_TOKEN_ENCRYPTION,
            url + "|" + t.policyId(),
            "Endpoint "
                + url
                + " encrypts "
                + UserTokenType.nameOf(t.tokenType())
                + " token policy '"
                + t.policyId()
                + "' with Basic128Rsa15 (RSA PKCS#1 v1.5, open to padding-oracle attacks)");
      }
    }
  }

  /**
   * A password is unprotected when neither the token nor the channel encrypts it: the token's
   * effective policy is None (or unset) and the endpoint does not encrypt messages.
   */
  static boolean passwordUnprotected(int securityMode, String effectiveTokenPolicy) {
    boolean tokenEncrypted =
        effectiveTokenPolicy != null
            && !effectiveTokenPolicy.isEmpty()
            && !SecurityPolicy.isNone(effectiveTokenPolicy);
    return !tokenEncrypted && securityMode != MessageSecurityMode.SIGN_AND_ENCRYPT.ordinal();
  }

  private static String tokenTypes(EndpointDescription e) {
    Set<String> types = new LinkedHashSet<>();
    for (UserTokenPolicy t : e.userIdentityTokens()) {
      types.add(UserTokenType.nameOf(t.tokenType()));
    }
    return types.isEmpty() ? "none" : String.join(", ", types);
  }

  private static void add(
      Map<String, PostureFinding> out, OpcUaPostureRule rule, String key, String detail) {
    PostureFinding f = new PostureFinding(rule, key, detail);
    out.putIfAbsent(f.dedupeKey(), f);
  }

  /**
   * A secure channel was opened with a deprecated policy (seen in an OPN message), or {@code null}
   * when the policy is not deprecated.
   */
  public static PostureFinding channelPolicy(String securityPolicyUri, String endpointUrl) {
    if (!SecurityPolicy.isDeprecated(securityPolicyUri)) {
      return null;
    }
    String policy = SecurityPolicy.shortName(securityPolicyUri);
    String where = endpointUrl == null ? "" : " on " + endpointUrl;
    return new PostureFinding(
        OpcUaPostureRule.DEPRECATED_SECURITY_POLICY,
        (endpointUrl == null ? "" : endpointUrl) + "|" + policy,
        "A secure channel was opened"
            + where
            + " with the deprecated SecurityPolicy "
            + policy
            + " (SHA-1 based; deprecated since OPC UA 1.04)");
  }

  /**
   * A session was activated with a UserName token whose password was readable on the network: the
   * token carries no token-level encryption and the channel does not encrypt. {@code null} when the
   * password was protected. The detail never contains the user name or password.
   */
  public static PostureFinding usernameTokenCleartext(
      UserIdentityToken token, String channelPolicyUri, boolean channelEncrypts, String client) {
    if (token == null
        || token.kind() != UserTokenType.USER_NAME
        || !token.secretInClear()
        || channelEncrypts) {
      return null;
    }
    return new PostureFinding(
        OpcUaPostureRule.USERNAME_TOKEN_CLEARTEXT,
        token.policyId() + "|" + client,
        "Client "
            + client
            + " activated a session with UserName token policy '"
            + token.policyId()
            + "' on a "
            + SecurityPolicy.shortName(channelPolicyUri)
            + " channel without token encryption: the password is exposed to anyone on the path");
  }

  /** The server accepted an anonymous session from {@code client}. */
  public static PostureFinding anonymousSessionUsed(
      UserIdentityToken token, String channelPolicyUri, String client) {
    return new PostureFinding(
        OpcUaPostureRule.SESSION_ANONYMOUS_USED,
        client,
        "The server activated an anonymous session (token policy '"
            + token.policyId()
            + "') for client "
            + client
            + " over a "
            + SecurityPolicy.shortName(channelPolicyUri)
            + " channel");
  }
}
