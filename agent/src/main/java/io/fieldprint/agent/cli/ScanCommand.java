package io.fieldprint.agent.cli;

import io.fieldprint.protocols.active.ScanLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fieldprint scan TARGET...}: active identification of Modbus/TCP devices. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Active, read-only identification: Modbus/TCP (FC 43/14 Read Device Identification and"
          + " FC 17 Report Server ID only) and OPC UA (GetEndpoints, FindServers, and with an"
          + " anonymous session BuildInfo, ServerStatus and the DI DeviceSet), one connection and a"
          + " few polite requests per device (targets modbus://host:port[/unit],"
          + " opc.tcp://host:port[/path], or --net CIDR --protocol modbus|opcua).",
      "A device that fails or answers garbage makes the exit status 1."
    })
final class ScanCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "TARGET",
      description = "modbus://host:port[/unit] or opc.tcp://host:port[/path]")
  List<String> targets = List.of();

  @Option(names = "--net", paramLabel = "CIDR", description = "scan every host of an IPv4 network")
  List<String> networks = List.of();

  @Option(
      names = "--protocol",
      paramLabel = "PROTOCOL",
      description = "with --net: modbus (port 502) or opcua (port 4840)")
  List<String> protocols = List.of();

  @Option(
      names = "--format",
      defaultValue = "table",
      description =
          "table (for people) or json (fieldprint.inventory/1); default: ${DEFAULT-VALUE}")
  OutputFormat format;

  @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of stdout")
  Path out;

  @Option(names = "--dry-run", description = "print every request the scan would send; send none")
  boolean dryRun;

  @Option(
      names = "--rate",
      paramLabel = "R",
      description = "requests per second over all devices, 1-1000; default 100")
  Integer rate;

  @Option(
      names = "--timeout",
      paramLabel = "T",
      description = "time one request may take, e.g. 3s or 800ms (500ms-30s); default 3s")
  String timeout;

  @Option(
      names = "--unit-ids",
      split = ",",
      paramLabel = "ID[,ID...]",
      description =
          "Modbus unit ids tried in order on targets that name none, 1-8 distinct ids 0-255"
              + " (never a sweep); default 255,1. A listed unit is also tried behind a gateway")
  List<Integer> unitIds;

  @Option(
      names = "--audit-log",
      paramLabel = "FILE",
      description = "append one JSON line per request sent or refused to FILE; default: none")
  Path auditLog;

  @Override
  public Integer call() throws Exception {
    ScanLimits limits = limits();
    ScanTargets parsed = ScanTargets.parse(targets, networks, protocols, limits.maxDevices());
    if (!parsed.errors().isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), String.join("; ", parsed.errors()));
    }
    return new ActiveScan(parsed, limits, spec.commandLine()).run(dryRun, format, out, auditLog);
  }

  private ScanLimits limits() {
    var builder = ScanLimits.builder();
    if (rate != null) {
      builder.maxRequestsPerSecond(rate);
    }
    if (timeout != null) {
      builder.requestTimeout(duration(timeout));
    }
    if (unitIds != null) {
      builder.unitIds(unitIds);
    }
    ScanLimits limits = builder.build();
    if (!limits.validate().isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "invalid --rate, --timeout or --unit-ids: " + String.join("; ", limits.validate()));
    }
    return limits;
  }

  private Duration duration(String text) {
    String t = text.strip();
    try {
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      if (t.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CommandLine.ParameterException(
        spec.commandLine(), "--timeout must be a number with ms or s, e.g. 3s: '" + text + "'");
  }
}
