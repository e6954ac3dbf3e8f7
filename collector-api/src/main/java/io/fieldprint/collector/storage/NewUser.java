package io.fieldprint.collector.storage;

import io.fieldprint.collector.auth.Role;
import java.util.Set;

/** A person or tool to register, with the sites it may see (or all of them). */
public record NewUser(
    String id, String name, Role role, boolean allSites, Set<String> sites, String tokenHash) {
  public NewUser {
    sites = Set.copyOf(sites);
  }
}
