package io.fieldprint.collector.auth;

import java.util.Set;

/** Who is calling: an agent bound to one site, or a person with a role scoped to sites. */
public sealed interface Principal {
  /** A name for the audit log (never the token). */
  String actor();

  /** An agent; it may only write reports for {@code siteId}. */
  record Agent(String agentId, String siteId, String name) implements Principal {
    @Override
    public String actor() {
      return "agent:" + agentId;
    }
  }

  /** A person or tool; {@code allSites} or the listed {@code sites} bound what it may see. */
  record User(String userId, String name, Role role, boolean allSites, Set<String> sites)
      implements Principal {
    public User {
      sites = Set.copyOf(sites);
    }

    @Override
    public String actor() {
      return "user:" + name;
    }

    public boolean canRead(String siteId) {
      return allSites || sites.contains(siteId);
    }

    public boolean isAdmin() {
      return role == Role.ADMIN;
    }
  }
}
