package io.fieldprint.agent.service.config;

import io.fieldprint.protocols.active.Ipv4Address;
import io.fieldprint.protocols.active.NetworkRange;
import io.fieldprint.protocols.active.ScanLimits;
import io.fieldprint.protocols.active.ScanProtocol;
import io.fieldprint.protocols.active.ScanTarget;
import io.fieldprint.protocols.active.ScanTargetParser;
import io.fieldprint.protocols.decode.Parsed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code scan} section: the allowlist, the targets (each inside the allowlist, as an IPv4
 * literal: a host name cannot be checked without resolving it), the interval and the limits.
 */
final class ScanSettingsReader {
  private ScanSettingsReader() {}

  static ScanSettings read(ConfigSection s) {
    s.rejectUnknownKeys(
        Set.of("allow", "targets", "networks", "protocols", "interval", "limits", "onlySeen"));
    List<AllowedNetwork> allow = allow(s);
    ScanLimits limits =
        s.section("limits").map(AgentConfigReader::limits).orElse(ScanLimits.defaults());
    Set<ScanTarget> targets = new LinkedHashSet<>();
    Set<ScanTarget> explicit = new LinkedHashSet<>();
    for (String text : s.texts("targets")) {
      Parsed<ScanTarget> parsed = ScanTargetParser.parse(text);
      if (parsed instanceof Parsed.Ok<ScanTarget> ok) {
        targets.add(ok.value());
        explicit.add(ok.value());
      } else {
        s.problem("targets", "'" + text + "': " + ((Parsed.Malformed<ScanTarget>) parsed).reason());
      }
    }
    Set<ScanProtocol> protocols = protocols(s);
    for (String cidr : s.texts("networks")) {
      Parsed<List<ScanTarget>> expanded = NetworkRange.expand(cidr, protocols, limits.maxDevices());
      if (expanded instanceof Parsed.Ok<List<ScanTarget>> ok) {
        targets.addAll(ok.value());
      } else {
        s.problem("networks", ((Parsed.Malformed<List<ScanTarget>>) expanded).reason());
      }
    }
    if (targets.isEmpty()) {
      s.problem("targets", "no target: give targets (modbus://host:port) or networks + protocols");
    }
    List<ScanTarget> allowed = new ArrayList<>();
    for (ScanTarget t : targets) {
      Optional<String> refusal = refusal(t, allow);
      refusal.ifPresentOrElse(r -> s.problem("targets", t.uri() + ": " + r), () -> allowed.add(t));
    }
    if (allowed.size() > limits.maxDevices()) {
      s.problem("targets", allowed.size() + " targets, more than " + limits.maxDevices());
    }
    Duration interval =
        s.duration(
            "interval", ScanSettings.DEFAULT_INTERVAL, Duration.ofMinutes(1), Duration.ofDays(7));
    boolean onlySeen = s.flag("onlySeen", false);
    if (onlySeen && s.texts("networks").isEmpty()) {
      s.problem("onlySeen", "only applies to networks (explicit targets are always probed)");
    }
    return new ScanSettings(allow, allowed, interval, limits, onlySeen, explicit);
  }

  private static List<AllowedNetwork> allow(ConfigSection s) {
    List<AllowedNetwork> allow = new ArrayList<>();
    for (String cidr : s.texts("allow")) {
      AllowedNetwork.parse(cidr)
          .ifPresentOrElse(
              allow::add,
              () -> s.problem("allow", "'" + cidr + "' is no IPv4 CIDR of prefix 8-32"));
    }
    if (s.texts("allow").isEmpty()) {
      s.problem("allow", "is required: the networks active scans may reach, e.g. [10.0.0.0/24]");
    }
    return allow;
  }

  private static Optional<String> refusal(ScanTarget t, List<AllowedNetwork> allow) {
    Optional<Ipv4Address> address = t.address();
    if (address.isEmpty()) {
      return Optional.of("the host must be an IPv4 address (names cannot be checked)");
    }
    if (allow.stream().noneMatch(n -> n.contains(address.get()))) {
      return Optional.of("outside the allowed networks, refused");
    }
    return address.get().unprobeableReason();
  }

  private static Set<ScanProtocol> protocols(ConfigSection s) {
    Set<ScanProtocol> set = EnumSet.noneOf(ScanProtocol.class);
    for (String name : s.texts("protocols")) {
      switch (name.toLowerCase(Locale.ROOT)) {
        case "modbus" -> set.add(ScanProtocol.MODBUS);
        case "opcua", "opc.tcp" -> set.add(ScanProtocol.OPC_UA);
        default -> s.problem("protocols", "must be modbus or opcua (was '" + name + "')");
      }
    }
    if (!s.texts("networks").isEmpty() && set.isEmpty()) {
      s.problem("protocols", "is required with networks: modbus and/or opcua");
    }
    return set;
  }
}
