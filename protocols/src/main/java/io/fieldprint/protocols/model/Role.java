package io.fieldprint.protocols.model;

import java.util.Locale;

/** What a device does on the plant network, as far as the evidence tells. */
public enum Role {
  PLC,
  IO,
  SWITCH,
  ROUTER,
  GATEWAY,
  HMI,
  DRIVE,
  SERVER,
  CLIENT,
  ENGINEERING,
  UNKNOWN;

  /** The lower-case name used in the inventory JSON. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
