package io.fieldprint.protocols.opcua;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * UserTokenPolicy structure (DataType i=304, binary encoding i=306; Part 4 §7.42): one way an
 * endpoint accepts users.
 *
 * @param policyId PolicyId String
 * @param tokenType UserTokenType enumeration (Int32), see {@link UserTokenType}
 * @param issuedTokenType IssuedTokenType String
 * @param issuerEndpointUrl IssuerEndpointUrl String
 * @param securityPolicyUri SecurityPolicyUri String used to encrypt the token; null or empty means
 *     the endpoint's own policy
 */
public record UserTokenPolicy(
    String policyId,
    int tokenType,
    String issuedTokenType,
    String issuerEndpointUrl,
    String securityPolicyUri) {

  /** Fewest bytes one encoded UserTokenPolicy takes. */
  static final int MIN_BYTES = 20;

  public static UserTokenPolicy read(UaBinaryReader r) {
    String policyId = r.readString();
    int type = r.readInt32();
    String issuedTokenType = r.readString();
    String issuerEndpointUrl = r.readString();
    return new UserTokenPolicy(policyId, type, issuedTokenType, issuerEndpointUrl, r.readString());
  }

  /** The policy protecting the token: its own, or the endpoint's when it names none. */
  public String effectivePolicyUri(String endpointPolicyUri) {
    return securityPolicyUri == null || securityPolicyUri.isEmpty()
        ? endpointPolicyUri
        : securityPolicyUri;
  }

  public Map<String, Object> fields() {
    Map<String, Object> f = new LinkedHashMap<>();
    BuildInfo.putIfSet(f, "policyId", policyId);
    f.put("tokenType", UserTokenType.nameOf(tokenType));
    BuildInfo.putIfSet(f, "issuedTokenType", issuedTokenType);
    BuildInfo.putIfSet(f, "issuerEndpointUrl", issuerEndpointUrl);
    BuildInfo.putIfSet(f, "securityPolicyUri", securityPolicyUri);
    return f;
  }
}
