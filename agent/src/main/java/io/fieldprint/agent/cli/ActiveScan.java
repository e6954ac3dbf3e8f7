package io.fieldprint.agent.cli;

import io.fieldprint.protocols.active.AuditLog;
import io.fieldprint.protocols.active.DryRun;
import io.fieldprint.protocols.active.JsonLinesAuditLog;
import io.fieldprint.protocols.active.OutboundGate;
import io.fieldprint.protocols.active.RequestPolicy;
import io.fieldprint.protocols.active.ScanLimits;
import io.fieldprint.protocols.active.modbus.ModbusProbe;
import io.fieldprint.protocols.active.modbus.ProbeReport;
import io.fieldprint.protocols.inventory.AssetMerger;
import io.fieldprint.protocols.inventory.Inventory;
import io.fieldprint.protocols.inventory.InventoryJson;
import io.fieldprint.protocols.inventory.InventorySource;
import io.fieldprint.protocols.inventory.MergeLimits;
import io.fieldprint.protocols.oui.MacVendors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;

/**
 * Runs {@code fieldprint scan}: the dry run, or the Modbus probes (a few at a time; the gate bounds
 * what reaches the network) into one asset merge, printed like {@code fieldprint pcap}.
 */
final class ActiveScan {
  static final String OPC_UA_NOT_BUILT = "OPC UA scanning is not built yet";

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
    for (var skipped : targets.opcUa()) {
      err.println("fieldprint: " + OPC_UA_NOT_BUILT + "; skipped " + skipped.uri());
    }
    int exit = FieldprintCommand.EXIT_OK;
    if (dryRun) {
      write(out, DryRun.render(targets.modbus(), limits, RequestPolicy.anonymousOnly()));
    } else if (!targets.modbus().isEmpty()) {
      exit = scan(format, out, auditLog);
    }
    err.flush();
    return targets.opcUa().isEmpty() ? exit : FieldprintCommand.EXIT_USAGE;
  }

  private int scan(OutputFormat format, Path out, Path auditLog) throws Exception {
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
    Inventory inventory = merger.build(sources);
    write(out, render(inventory, format));
    return failed ? FieldprintCommand.EXIT_FAILURE : FieldprintCommand.EXIT_OK;
  }

  private List<ProbeReport> probeAll(AuditLog log, AssetMerger merger, List<CountingSink> sinks)
      throws InterruptedException, ExecutionException {
    InstantSource clock = InstantSource.system();
    OutboundGate gate = new OutboundGate(limits, RequestPolicy.anonymousOnly(), clock, log);
    ModbusProbe probe = new ModbusProbe(gate, limits, clock);
    int threads = Math.min(limits.maxConcurrentRequests(), targets.modbus().size());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<ProbeReport>> futures = new ArrayList<>();
      for (var target : targets.modbus()) {
        CountingSink sink = new CountingSink(merger);
        sinks.add(sink);
        futures.add(pool.submit(() -> probe.probe(target, sink)));
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

  private static String render(Inventory inventory, OutputFormat format) {
    return format == OutputFormat.json
        ? new InventoryJson(FieldprintCommand.version()).write(inventory)
        : new InventoryTable(inventory).render();
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
