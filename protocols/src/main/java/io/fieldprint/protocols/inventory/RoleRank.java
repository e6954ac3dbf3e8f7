package io.fieldprint.protocols.inventory;

import io.fieldprint.protocols.model.Role;

/**
 * Which role wins when evidence disagrees: a specific role (PLC, switch, HMI...) over "server",
 * over "client", over "unknown"; among equals, the stronger authority, then the earlier.
 */
final class RoleRank {
  private RoleRank() {}

  static int of(Role role) {
    return switch (role) {
      case UNKNOWN -> 3;
      case CLIENT -> 2;
      case SERVER -> 1;
      default -> 0;
    };
  }

  static boolean stronger(Claim<Role> a, Claim<Role> b) {
    if (a.protocolRank() != b.protocolRank()) {
      return a.protocolRank() < b.protocolRank();
    }
    if (a.authority() != b.authority()) {
      return a.authority().ordinal() < b.authority().ordinal();
    }
    return a.sequence() < b.sequence();
  }
}
