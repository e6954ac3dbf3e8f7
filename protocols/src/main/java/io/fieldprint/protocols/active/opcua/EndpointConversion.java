package io.fieldprint.protocols.active.opcua;

import io.fieldprint.protocols.opcua.ApplicationDescription;
import io.fieldprint.protocols.opcua.EndpointDescription;
import io.fieldprint.protocols.opcua.LocalizedText;
import io.fieldprint.protocols.opcua.UserTokenPolicy;
import java.util.ArrayList;
import java.util.List;

/** Milo's discovery structures as fieldprint's records (the ones the posture rules read). */
final class EndpointConversion {

  /** Endpoints beyond this are ignored (bounded state against a hostile server). */
  static final int MAX_ENDPOINTS = 64;

  private static final int MAX_TOKENS = 16;
  private static final int MAX_URLS = 16;

  private EndpointConversion() {}

  static List<EndpointDescription> endpoints(
      List<org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription> milo) {
    List<EndpointDescription> out = new ArrayList<>();
    for (var e : milo.subList(0, Math.min(milo.size(), MAX_ENDPOINTS))) {
      out.add(endpoint(e));
    }
    return out;
  }

  static EndpointDescription endpoint(
      org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription e) {
    List<UserTokenPolicy> tokens = new ArrayList<>();
    var policies = e.getUserIdentityTokens();
    if (policies != null) {
      for (int i = 0; i < Math.min(policies.length, MAX_TOKENS); i++) {
        var p = policies[i];
        tokens.add(
            new UserTokenPolicy(
                p.getPolicyId(),
                p.getTokenType() == null ? -1 : p.getTokenType().getValue(),
                p.getIssuedTokenType(),
                p.getIssuerEndpointUrl(),
                p.getSecurityPolicyUri()));
      }
    }
    return new EndpointDescription(
        e.getEndpointUrl(),
        e.getServer() == null ? null : application(e.getServer()),
        e.getServerCertificate() == null ? null : e.getServerCertificate().bytes(),
        e.getSecurityMode() == null ? 0 : e.getSecurityMode().getValue(),
        e.getSecurityPolicyUri(),
        List.copyOf(tokens),
        e.getTransportProfileUri(),
        e.getSecurityLevel() == null ? 0 : e.getSecurityLevel().intValue());
  }

  static ApplicationDescription application(
      org.eclipse.milo.opcua.stack.core.types.structured.ApplicationDescription a) {
    var name = a.getApplicationName();
    String[] urls = a.getDiscoveryUrls();
    List<String> discoveryUrls = new ArrayList<>();
    if (urls != null) {
      for (int i = 0; i < Math.min(urls.length, MAX_URLS); i++) {
        discoveryUrls.add(urls[i]);
      }
    }
    return new ApplicationDescription(
        a.getApplicationUri(),
        a.getProductUri(),
        name == null ? LocalizedText.NULL : new LocalizedText(name.getLocale(), name.getText()),
        a.getApplicationType() == null ? -1 : a.getApplicationType().getValue(),
        a.getGatewayServerUri(),
        a.getDiscoveryProfileUri(),
        discoveryUrls);
  }
}
