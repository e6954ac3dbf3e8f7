package io.fieldprint.collector.auth;

import java.util.Locale;
import java.util.Optional;

/** What a person may do: read ({@code viewer}) or also administer ({@code admin}). */
public enum Role {
  VIEWER,
  ADMIN;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromWire(String text) {
    for (Role r : values()) {
      if (r.wire().equals(text)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
