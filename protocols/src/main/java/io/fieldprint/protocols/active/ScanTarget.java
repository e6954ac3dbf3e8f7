package io.fieldprint.protocols.active;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One endpoint a scan may query: {@code opc.tcp://host:port[/path]} or {@code
 * modbus://host:port[/unit]}.
 *
 * @param protocol the protocol to speak
 * @param host an IPv4 literal or a host name (never resolved here)
 * @param port TCP port, 1–65535
 * @param path OPC UA endpoint path without the leading slash, empty if none (always empty for
 *     Modbus)
 * @param unitId Modbus unit id (0–255) named in the URI; empty means "use the configured list"
 */
public record ScanTarget(
    ScanProtocol protocol, String host, int port, String path, OptionalInt unitId) {

  public ScanTarget {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** A target for {@code --net} expansion: the protocol's default port, no path, no unit id. */
  public static ScanTarget atDefaultPort(ScanProtocol protocol, Ipv4Address address) {
    return new ScanTarget(
        protocol, address.toString(), protocol.defaultPort(), "", OptionalInt.empty());
  }

  /** The politeness key: requests to the same host share one connection, gap and breaker. */
  public String device() {
    return host;
  }

  /** The IPv4 address of the host, if it was given as a literal. */
  public Optional<Ipv4Address> address() {
    return Ipv4Address.parse(host);
  }

  /** The canonical URI, e.g. {@code modbus://10.0.0.5:502/1}. */
  public String uri() {
    String base = protocol.scheme() + "://" + host + ":" + port;
    if (unitId.isPresent()) {
      return base + "/" + unitId.getAsInt();
    }
    return path.isEmpty() ? base : base + "/" + path;
  }

  @Override
  public String toString() {
    return uri();
  }
}
