package io.fieldprint.collector.auth;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Which agent a verified client certificate names: the subject's {@code OU} is the site id, its
 * {@code CN} the agent's name as registered through {@code POST /api/v1/sites/{site}/agents} (for
 * example {@code CN=edge-1, OU=plant-a}). Exactly one of each; anything else names no agent.
 */
public sealed interface AgentCertificateSubject {
  Pattern SITE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  int MAX_NAME = 200;

  /** A subject naming an agent of a site. */
  record Named(String siteId, String agentName) implements AgentCertificateSubject {}

  /** A subject that names no agent, and why. */
  record Rejected(String reason) implements AgentCertificateSubject {}

  static AgentCertificateSubject of(X509Certificate certificate) {
    LdapName dn;
    try {
      dn = new LdapName(certificate.getSubjectX500Principal().getName());
    } catch (InvalidNameException e) {
      return new Rejected("the certificate subject is not a distinguished name");
    }
    List<String> cn = values(dn, "CN");
    List<String> ou = values(dn, "OU");
    if (cn.size() != 1 || ou.size() != 1) {
      return new Rejected("the certificate subject needs exactly one CN (agent) and one OU (site)");
    }
    String site = ou.get(0);
    String name = cn.get(0).strip();
    if (!SITE_ID.matcher(site).matches()) {
      return new Rejected("the certificate's OU is not a site id");
    }
    if (name.isEmpty() || name.length() > MAX_NAME) {
      return new Rejected("the certificate's CN is not an agent name");
    }
    return new Named(site, name);
  }

  private static List<String> values(LdapName dn, String type) {
    List<String> out = new ArrayList<>();
    for (Rdn rdn : dn.getRdns()) {
      if (rdn.getType().equalsIgnoreCase(type)) {
        out.add(String.valueOf(rdn.getValue()));
      }
    }
    return out;
  }
}
