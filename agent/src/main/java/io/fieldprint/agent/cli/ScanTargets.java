package io.fieldprint.agent.cli;

import io.fieldprint.protocols.active.NetworkRange;
import io.fieldprint.protocols.active.ScanProtocol;
import io.fieldprint.protocols.active.ScanTarget;
import io.fieldprint.protocols.active.ScanTargetParser;
import io.fieldprint.protocols.decode.Parsed;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The targets of one {@code fieldprint scan}, split by protocol, or every reason the arguments are
 * not usable.
 *
 * @param modbus the Modbus targets, in order, without repeats
 * @param opcUa the OPC UA targets
 * @param errors every unusable target, network or protocol
 */
record ScanTargets(List<ScanTarget> modbus, List<ScanTarget> opcUa, List<String> errors) {

  static ScanTargets parse(
      List<String> targets, List<String> networks, List<String> protocols, int maxHosts) {
    List<String> errors = new ArrayList<>();
    Set<ScanTarget> all = new LinkedHashSet<>();
    for (String text : targets) {
      Parsed<ScanTarget> parsed = ScanTargetParser.parse(text);
      if (parsed instanceof Parsed.Ok<ScanTarget> ok) {
        all.add(ok.value());
      } else {
        errors.add("'" + text + "': " + ((Parsed.Malformed<ScanTarget>) parsed).reason());
      }
    }
    Set<ScanProtocol> wanted = protocols(protocols, errors);
    if (!protocols.isEmpty() && networks.isEmpty()) {
      errors.add("--protocol only applies to --net");
    }
    for (String cidr : networks) {
      Parsed<List<ScanTarget>> expanded = NetworkRange.expand(cidr, wanted, maxHosts);
      if (expanded instanceof Parsed.Ok<List<ScanTarget>> ok) {
        all.addAll(ok.value());
      } else {
        errors.add("--net " + ((Parsed.Malformed<List<ScanTarget>>) expanded).reason());
      }
    }
    if (all.isEmpty() && errors.isEmpty()) {
      errors.add("no target: give modbus://host:port[/unit] or --net CIDR --protocol modbus");
    }
    List<ScanTarget> modbus =
        all.stream().filter(t -> t.protocol() == ScanProtocol.MODBUS).toList();
    List<ScanTarget> opcUa = all.stream().filter(t -> t.protocol() == ScanProtocol.OPC_UA).toList();
    return new ScanTargets(modbus, opcUa, List.copyOf(errors));
  }

  private static Set<ScanProtocol> protocols(List<String> names, List<String> errors) {
    Set<ScanProtocol> set = EnumSet.noneOf(ScanProtocol.class);
    for (String name : names) {
      switch (name.toLowerCase(Locale.ROOT)) {
        case "modbus" -> set.add(ScanProtocol.MODBUS);
        case "opcua", "opc.tcp" -> set.add(ScanProtocol.OPC_UA);
        default -> errors.add("--protocol must be modbus or opcua: '" + name + "'");
      }
    }
    return set;
  }

  /** Every target, Modbus first, in the order given. */
  List<ScanTarget> all() {
    List<ScanTarget> all = new ArrayList<>(modbus);
    all.addAll(opcUa);
    return all;
  }
}
