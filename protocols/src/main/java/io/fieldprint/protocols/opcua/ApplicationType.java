package io.fieldprint.protocols.opcua;

/**
 * ApplicationType enumeration (Part 4 §7.2): Server 0, Client 1, ClientAndServer 2, DiscoveryServer
 * 3.
 */
public enum ApplicationType {
  SERVER("Server"),
  CLIENT("Client"),
  CLIENT_AND_SERVER("ClientAndServer"),
  DISCOVERY_SERVER("DiscoveryServer");

  private final String specName;

  ApplicationType(String specName) {
    this.specName = specName;
  }

  public String specName() {
    return specName;
  }

  /** The type for a wire value, or {@code null} for codes outside the enumeration. */
  public static ApplicationType of(int value) {
    return value >= 0 && value < values().length ? values()[value] : null;
  }

  /** The spec name of a wire value, or {@code unknown(n)}. */
  public static String nameOf(int value) {
    ApplicationType t = of(value);
    return t == null ? "unknown(" + value + ")" : t.specName;
  }
}
