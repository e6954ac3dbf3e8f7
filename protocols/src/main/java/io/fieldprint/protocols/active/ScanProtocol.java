package io.fieldprint.protocols.active;

/** The protocols fieldprint may query actively, with their URI scheme and default port. */
public enum ScanProtocol {
  MODBUS("modbus", 502),
  OPC_UA("opc.tcp", 4840);

  private final String scheme;
  private final int defaultPort;

  ScanProtocol(String scheme, int defaultPort) {
    this.scheme = scheme;
    this.defaultPort = defaultPort;
  }

  /** URI scheme, e.g. {@code modbus} or {@code opc.tcp}. */
  public String scheme() {
    return scheme;
  }

  /** Port used for {@code --net} expansion: 502 for Modbus/TCP, 4840 for OPC UA. */
  public int defaultPort() {
    return defaultPort;
  }
}
