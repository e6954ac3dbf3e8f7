package io.fieldprint.protocols.active;

import io.fieldprint.protocols.decode.Parsed;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Parses {@code opc.tcp://host:port[/path]} and {@code modbus://host:port[/unit]}. The port is
 * required: a scan only goes where it was explicitly told to. Host names are kept as given (not
 * resolved); IPv4 literals that must never be probed (0.0.0.0, broadcast, multicast, reserved) are
 * refused.
 */
public final class ScanTargetParser {

  /** Longest accepted target text; anything longer is refused unread. */
  public static final int MAX_LENGTH = 512;

  /** Longest accepted OPC UA endpoint path. */
  public static final int MAX_PATH_LENGTH = 256;

  private static final Pattern HOST_NAME =
      Pattern.compile(
          "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  private static final Pattern PATH = Pattern.compile("[\\x21-\\x7E]*");

  private ScanTargetParser() {}

  /** The target, or why the text is not one. */
  public static Parsed<ScanTarget> parse(String text) {
    if (text == null || text.isBlank()) {
      return Parsed.malformed("empty target");
    }
    if (text.length() > MAX_LENGTH) {
      return Parsed.malformed("target longer than " + MAX_LENGTH + " characters");
    }
    int sep = text.indexOf("://");
    if (sep < 0) {
      return Parsed.malformed("missing scheme: expected opc.tcp://host:port or modbus://host:port");
    }
    String scheme = text.substring(0, sep).toLowerCase(Locale.ROOT);
    Optional<ScanProtocol> protocol = protocolFor(scheme);
    if (protocol.isEmpty()) {
      return Parsed.malformed("unsupported scheme '" + scheme + "': use opc.tcp or modbus");
    }
    String rest = text.substring(sep + 3);
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash + 1);
    return parseAuthority(protocol.get(), authority, path);
  }

  private static Optional<ScanProtocol> protocolFor(String scheme) {
    for (ScanProtocol p : ScanProtocol.values()) {
      if (p.scheme().equals(scheme)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static Parsed<ScanTarget> parseAuthority(
      ScanProtocol protocol, String authority, String path) {
    if (authority.contains("@")) {
      return Parsed.malformed("credentials in the target URI are not accepted");
    }
    if (authority.startsWith("[")) {
      return Parsed.malformed("IPv6 targets are not supported");
    }
    int colon = authority.lastIndexOf(':');
    if (colon < 0) {
      return Parsed.malformed(
          "missing port: write host:port (e.g. :" + protocol.defaultPort() + ")");
    }
    String host = authority.substring(0, colon);
    Optional<String> hostProblem = hostProblem(host);
    if (hostProblem.isPresent()) {
      return Parsed.malformed(hostProblem.get());
    }
    OptionalInt port = number(authority.substring(colon + 1), 1, 65535);
    if (port.isEmpty()) {
      return Parsed.malformed(
          "port must be a number 1-65535: '" + authority.substring(colon + 1) + "'");
    }
    if (protocol == ScanProtocol.MODBUS) {
      return modbus(host, port.getAsInt(), path);
    }
    return opcUa(host, port.getAsInt(), path);
  }

  private static Optional<String> hostProblem(String host) {
    Optional<Ipv4Address> literal = Ipv4Address.parse(host);
    if (literal.isPresent()) {
      return literal.get().unprobeableReason();
    }
    if (host.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
      return Optional.of("not a valid IPv4 address: '" + host + "'");
    }
    if (!HOST_NAME.matcher(host).matches()) {
      return Optional.of("not a valid host name: '" + host + "'");
    }
    return Optional.empty();
  }

  private static Parsed<ScanTarget> modbus(String host, int port, String path) {
    if (path.isEmpty()) {
      return Parsed.ok(new ScanTarget(ScanProtocol.MODBUS, host, port, "", OptionalInt.empty()));
    }
    OptionalInt unit = number(path, 0, 255);
    if (unit.isEmpty()) {
      return Parsed.malformed("Modbus unit id must be a number 0-255: '" + path + "'");
    }
    return Parsed.ok(new ScanTarget(ScanProtocol.MODBUS, host, port, "", unit));
  }

  private static Parsed<ScanTarget> opcUa(String host, int port, String path) {
    if (path.length() > MAX_PATH_LENGTH) {
      return Parsed.malformed("OPC UA path longer than " + MAX_PATH_LENGTH + " characters");
    }
    if (!PATH.matcher(path).matches() || path.contains("?") || path.contains("#")) {
      return Parsed.malformed("OPC UA path has spaces, control characters, a query or a fragment");
    }
    return Parsed.ok(new ScanTarget(ScanProtocol.OPC_UA, host, port, path, OptionalInt.empty()));
  }

  private static OptionalInt number(String text, int min, int max) {
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
      return OptionalInt.empty();
    }
    int value = Integer.parseInt(text);
    return value < min || value > max ? OptionalInt.empty() : OptionalInt.of(value);
  }
}
