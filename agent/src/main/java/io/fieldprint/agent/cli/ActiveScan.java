package io.fieldprint.agent.cli;

import io.fieldprint.protocols.active.AuditLog;
import io.fieldprint.protocols.active.DryRun;
import io.fieldprint.protocols.active.JsonLinesAuditLog;
import io.fieldprint.protocols.active.OutboundGate;
import io.fieldprint.protocols.active.RequestPolicy;
import io.fieldprint.protocols.active.ScanLimits;
import io.fieldprint.protocols.active.ScanProtocol;
import io.fieldprint.protocols.active.ScanTarget;
import io.fieldprint.protocols.active.modbus.ModbusProbe;
import io.fieldprint.protocols.active.modbus.ProbeReport;
import io.fieldprint.protocols.active.opcua.OpcUaProbe;
import io.fieldprint.protocols.active.opcua.OpcUaProbeResult;
import io.fieldprint.protocols.inventory.AssetMerger;
import io.fieldprint.protocols.inventory.Inventory;
import io.fieldprint.protocols.inventory.InventorySource;
import io.fieldprint.protocols.inventory.MergeLimits;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.oui.MacVendors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;

/**
 * Runs {@code fieldprint scan}: the dry run, or the Modbus and OPC UA probes (a few at a time; the
 * one gate bounds what reaches the network) into one asset merge, printed like {@code fieldprint
 * pcap}.
 */
final class ActiveScan {
  private static final Duration MAX_OPC_UA_BUDGET = Duration.ofSeconds(60);

  private final ScanTargets targets;
  private final ScanLimits limits;
  private final CommandLine cli;

  ActiveScan(ScanTargets targets, ScanLimits limits, CommandLine cli) {
    this.targets = targets;
    this.limits = limits;
    this.cli = cli;
  }

  int run(boolean dryRun, OutputFormat format, Path out, Path auditLog) throws Exception {
    PrintWriter err = cli.getErr();
    int exit = FieldprintCommand.EXIT_OK;
    if (dryRun) {
      write(out, DryRun.render(targets.all(), limits, RequestPolicy.anonymousOnly()));
    } else if (!targets.all().isEmpty()) {
      exit = scan(format, out, auditLog);
    }
    err.flush();
    return exit;
  }

  private int scan(OutputFormat format, Path out, Path auditLog) throws Exception {
    Scanned scanned = inventory(auditLog);
    InventoryOutput.print(scanned.inventory(), format, out, cli);
    return scanned.failed() ? FieldprintCommand.EXIT_FAILURE : FieldprintCommand.EXIT_OK;
  }

  /**
   * The inventory of one scan.
   *
   * @param inventory what the probes found
   * @param failed whether a device failed (answered garbage)
   */
  record Scanned(Inventory inventory, boolean failed) {}

  /**
   * Probes every target and merges the answers; each target that failed or did not answer is named
   * on standard error.
   */
  Scanned inventory(Path auditLog) throws Exception {
    List<ProbeReport> reports;
    AssetMerger merger = new AssetMerger(MergeLimits.DEFAULT, MacVendors.shipped()::vendorOf);
    List<CountingSink> sinks = new ArrayList<>();
    if (auditLog != null) {
      try (JsonLinesAuditLog log = JsonLinesAuditLog.open(auditLog)) {
        reports = probeAll(log, merger, sinks);
      }
    } else {
      reports = probeAll(record -> {}, merger, sinks);
    }
    List<InventorySource> sources = new ArrayList<>();
    boolean failed = false;
    for (int i = 0; i < reports.size(); i++) {
      ProbeReport r = reports.get(i);
      sources.add(source(r, sinks.get(i).warnings()));
      failed |= r.status() == ProbeReport.Status.FAILED;
      if (r.status() == ProbeReport.Status.FAILED || r.status() == ProbeReport.Status.NO_ANSWER) {
        cli.getErr().println("fieldprint: " + r.target().uri() + ": " + summary(r));
      }
    }
    return new Scanned(merger.build(sources), failed);
  }

  private List<ProbeReport> probeAll(AuditLog log, AssetMerger merger, List<CountingSink> sinks)
      throws InterruptedException, ExecutionException {
    InstantSource clock = InstantSource.system();
    OutboundGate gate = new OutboundGate(limits, RequestPolicy.anonymousOnly(), clock, log);
    ModbusProbe modbus = new ModbusProbe(gate, limits, clock);
    OpcUaProbe opcUa = new OpcUaProbe(gate, opcUaBudget(), limits.requestTimeout(), clock);
    List<ScanTarget> all = targets.all();
    int threads = Math.max(1, Math.min(limits.maxDevicesInProgress(), all.size()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<ProbeReport>> futures = new ArrayList<>();
      for (ScanTarget target : all) {
        CountingSink sink = new CountingSink(merger);
        sinks.add(sink);
        futures.add(
            pool.submit(
                () ->
                    target.protocol() == ScanProtocol.OPC_UA
                        ? report(
                            target, opcUa.probe(target, DeviceRef.of(null, target.host()), sink))
                        : modbus.probe(target, sink)));
      }
      List<ProbeReport> reports = new ArrayList<>();
      for (Future<ProbeReport> f : futures) {
        reports.add(f.get());
      }
      return reports;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Time for one OPC UA target: every request of its budget, each with its timeout and gap. */
  private Duration opcUaBudget() {
    Duration all =
        limits
            .requestTimeout()
            .plus(limits.minGap())
            .multipliedBy(limits.budget(ScanProtocol.OPC_UA));
    return all.compareTo(MAX_OPC_UA_BUDGET) > 0 ? MAX_OPC_UA_BUDGET : all;
  }

  /** The OPC UA probe's result in the same terms as a Modbus probe's. */
  private static ProbeReport report(ScanTarget target, OpcUaProbeResult result) {
    if (result instanceof OpcUaProbeResult.Probed p) {
      ProbeReport.Status status =
          p.anonymousSession() ? ProbeReport.Status.IDENTIFIED : ProbeReport.Status.ANSWERED;
      return new ProbeReport(target, status, 0, p.endpoints(), 0, p.notes());
    }
    String reason = ((OpcUaProbeResult.Unreachable) result).reason();
    return new ProbeReport(target, ProbeReport.Status.NO_ANSWER, 0, 0, 0, List.of(reason));
  }

  private static InventorySource source(ProbeReport r, long warnings) {
    boolean answered =
        r.status() == ProbeReport.Status.IDENTIFIED || r.status() == ProbeReport.Status.ANSWERED;
    String status = answered ? (warnings > 0 ? "partial" : "ok") : "failed";
    String error = answered && warnings == 0 ? null : summary(r);
    return new InventorySource(
        "scan",
        r.target().uri(),
        status,
        error,
        r.responses(),
        r.bytesReceived(),
        null,
        null,
        warnings);
  }

  private static String summary(ProbeReport r) {
    String status = r.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return r.reasons().isEmpty() ? status : status + ": " + r.reasons().get(0);
  }

  private void write(Path out, String text) throws IOException {
    if (out == null) {
      cli.getOut().print(text);
      cli.getOut().flush();
      return;
    }
    try (Writer w = Files.newBufferedWriter(out)) {
      w.write(text);
    }
  }
}
