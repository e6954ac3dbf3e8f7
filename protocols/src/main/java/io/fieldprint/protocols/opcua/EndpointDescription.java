package io.fieldprint.protocols.opcua;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EndpointDescription structure (DataType i=312, binary encoding i=314; Part 4 §7.14): one way to
 * connect to a server, with its security settings.
 *
 * @param endpointUrl EndpointUrl String
 * @param server Server ApplicationDescription
 * @param serverCertificate ServerCertificate ByteString (DER, possibly a chain), or {@code null}
 * @param securityMode SecurityMode enumeration (Int32), see {@link MessageSecurityMode}
 * @param securityPolicyUri SecurityPolicyUri String
 * @param userIdentityTokens UserIdentityTokens UserTokenPolicy[]
 * @param transportProfileUri TransportProfileUri String
 * @param securityLevel SecurityLevel Byte (the server's own ranking)
 */
public record EndpointDescription(
    String endpointUrl,
    ApplicationDescription server,
    byte[] serverCertificate,
    int securityMode,
    String securityPolicyUri,
    List<UserTokenPolicy> userIdentityTokens,
    String transportProfileUri,
    int securityLevel) {

  public static EndpointDescription read(UaBinaryReader r) {
    String url = r.readString();
    ApplicationDescription server = ApplicationDescription.read(r);
    byte[] certificate = r.readByteString();
    int mode = r.readInt32();
    String policy = r.readString();
    List<UserTokenPolicy> tokens = r.readArray(UserTokenPolicy.MIN_BYTES, UserTokenPolicy::read);
    String transport = r.readString();
    return new EndpointDescription(
        url, server, certificate, mode, policy, tokens, transport, r.readByte());
  }

  /** Fewest bytes one encoded EndpointDescription takes. */
  static final int MIN_BYTES = 4 + ApplicationDescription.MIN_BYTES + 4 + 4 + 4 + 4 + 4 + 1;

  /**
   * JSON-friendly fields without the certificate bytes (the caller adds the certificate summary).
   */
  public Map<String, Object> fields() {
    Map<String, Object> f = new LinkedHashMap<>();
    BuildInfo.putIfSet(f, "endpointUrl", endpointUrl);
    f.put("securityMode", MessageSecurityMode.nameOf(securityMode));
    BuildInfo.putIfSet(f, "securityPolicyUri", securityPolicyUri);
    f.put("securityLevel", securityLevel);
    BuildInfo.putIfSet(f, "transportProfileUri", transportProfileUri);
    List<Object> tokens = new ArrayList<>();
    for (UserTokenPolicy t : userIdentityTokens) {
      tokens.add(t.fields());
    }
    f.put("userIdentityTokens", tokens);
    return f;
  }
}
