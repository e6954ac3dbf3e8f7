package io.fieldprint.agent.cli;

import io.fieldprint.protocols.active.ScanLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Benchmark entry point of {@code bench/scan}: the real {@code fieldprint scan} path ({@link
 * ScanTargets}, {@link ActiveScan}, the one gate, JSON inventory output) with global limits the
 * command line does not expose, to measure what the global defaults cost. The per-device limits
 * stay at their defaults.
 *
 * <p>{@code ScanBenchEntry --max-concurrent-requests 64 --rate 100 --out FILE TARGET...}
 */
public final class ScanBenchEntry {

  private ScanBenchEntry() {}

  public static void main(String[] args) throws Exception {
    var builder = ScanLimits.builder();
    Path out = null;
    List<String> targets = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--max-concurrent-requests" ->
            builder.maxConcurrentRequests(Integer.parseInt(args[++i]));
        case "--rate" -> builder.maxRequestsPerSecond(Integer.parseInt(args[++i]));
        case "--out" -> out = Path.of(args[++i]);
        default -> targets.add(args[i]);
      }
    }
    ScanLimits limits = builder.build();
    if (!limits.validate().isEmpty()) {
      System.err.println("ScanBenchEntry: " + limits.validate());
      System.exit(FieldprintCommand.EXIT_USAGE);
    }
    ScanTargets parsed = ScanTargets.parse(targets, List.of(), List.of(), limits.maxDevices());
    if (!parsed.errors().isEmpty()) {
      System.err.println("ScanBenchEntry: " + parsed.errors());
      System.exit(FieldprintCommand.EXIT_USAGE);
    }
    CommandLine cli = new CommandLine(new ScanCommand());
    System.exit(new ActiveScan(parsed, limits, cli).run(false, OutputFormat.json, out, null));
  }
}
