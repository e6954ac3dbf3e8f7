package io.fieldprint.agent.service.config;

import io.fieldprint.protocols.active.Ipv4Address;
import java.util.Optional;

/**
 * One IPv4 network active scans may reach, {@code a.b.c.d/prefix}.
 *
 * @param base the network address (host bits zero)
 * @param prefix prefix length, 8–32
 */
public record AllowedNetwork(Ipv4Address base, int prefix) {

  /** The network {@code cidr} names, or empty when it is not an IPv4 CIDR of prefix 8–32. */
  public static Optional<AllowedNetwork> parse(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      return Ipv4Address.parse(cidr).map(a -> new AllowedNetwork(a, 32));
    }
    Optional<Ipv4Address> address = Ipv4Address.parse(cidr.substring(0, slash));
    int prefix;
    try {
      prefix = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (address.isEmpty() || prefix < 8 || prefix > 32) {
      return Optional.empty();
    }
    long mask = mask(prefix);
    return Optional.of(new AllowedNetwork(new Ipv4Address(address.get().value() & mask), prefix));
  }

  /** Whether {@code address} lies in this network. */
  public boolean contains(Ipv4Address address) {
    return (address.value() & mask(prefix)) == base.value();
  }

  private static long mask(int prefix) {
    return (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
  }

  @Override
  public String toString() {
    return base + "/" + prefix;
  }
}
