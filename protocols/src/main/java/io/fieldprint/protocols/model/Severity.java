package io.fieldprint.protocols.model;

import java.util.Locale;

/** Severity of a posture finding. */
public enum Severity {
  INFO,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
