package io.fieldprint.protocols.active;

import io.fieldprint.protocols.decode.Parsed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --net CIDR} expansion. The protocols (and so the default ports 502 / 4840) are passed
 * explicitly — nothing is implied. For prefixes up to /30 the network and broadcast addresses are
 * left out; addresses that must never be probed are refused; ranges larger than the cap are refused
 * whole rather than truncated.
 */
public final class NetworkRange {

  private NetworkRange() {}

  /**
   * One target per usable host address and requested protocol, hosts in ascending order.
   *
   * @param maxHosts largest number of host addresses accepted (e.g. 1022 for a /22)
   */
  public static Parsed<List<ScanTarget>> expand(
      String cidr, Set<ScanProtocol> protocols, int maxHosts) {
    if (protocols.isEmpty()) {
      return Parsed.malformed("--net needs at least one protocol to be requested explicitly");
    }
    int slash = cidr == null ? -1 : cidr.indexOf('/');
    if (slash < 0) {
      return Parsed.malformed("not CIDR notation (address/prefix): '" + cidr + "'");
    }
    Optional<Ipv4Address> base = Ipv4Address.parse(cidr.substring(0, slash));
    String prefixText = cidr.substring(slash + 1);
    if (base.isEmpty()) {
      return Parsed.malformed("not an IPv4 network address: '" + cidr.substring(0, slash) + "'");
    }
    if (prefixText.isEmpty()
        || prefixText.length() > 2
        || !prefixText.chars().allMatch(Character::isDigit)
        || Integer.parseInt(prefixText) > 32) {
      return Parsed.malformed("prefix length must be 0-32: '" + prefixText + "'");
    }
    int prefix = Integer.parseInt(prefixText);
    long size = 1L << (32 - prefix);
    long first = prefix <= 30 ? 1 : 0;
    long hosts = prefix <= 30 ? size - 2 : size;
    if (hosts > maxHosts) {
      return Parsed.malformed(
          cidr
              + " holds "
              + hosts
              + " host addresses; the cap is "
              + maxHosts
              + " (scan smaller ranges)");
    }
    long network = base.get().value() & ~(size - 1) & 0xFFFF_FFFFL;
    if (network != base.get().value()) {
      return Parsed.malformed(
          cidr + " has host bits set; the network is " + new Ipv4Address(network) + "/" + prefix);
    }
    return targets(network + first, hosts, protocols);
  }

  private static Parsed<List<ScanTarget>> targets(
      long start, long hosts, Set<ScanProtocol> protocols) {
    List<ScanTarget> out = new ArrayList<>();
    for (long a = start; a < start + hosts; a++) {
      Ipv4Address address = new Ipv4Address(a);
      Optional<String> reason = address.unprobeableReason();
      if (reason.isPresent()) {
        return Parsed.malformed("range contains an address that is never probed: " + reason.get());
      }
      for (ScanProtocol protocol : ScanProtocol.values()) {
        if (protocols.contains(protocol)) {
          out.add(ScanTarget.atDefaultPort(protocol, address));
        }
      }
    }
    return Parsed.ok(List.copyOf(out));
  }
}
