package io.fieldprint.agent.cli;

import io.fieldprint.advisories.match.AdvisoryMatch;
import io.fieldprint.agent.demo.AdvisoryFolder;
import io.fieldprint.agent.demo.AdvisoryMatching;
import io.fieldprint.agent.demo.InventoryUnion;
import io.fieldprint.agent.demo.MatchSummary;
import io.fieldprint.agent.demo.PlantDescription;
import io.fieldprint.agent.demo.SimulatedPlant;
import io.fieldprint.protocols.active.ScanLimits;
import io.fieldprint.protocols.inventory.Inventory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fieldprint demo}: starts the simulated plant of {@code config/demo/plant.json} on
 * loopback, scans it with the {@code fieldprint scan} code path, identifies the bundled example
 * capture passively, matches the merged inventory against the demo advisories (and the shared CISA
 * corpus when present), prints it, and keeps the plant up for {@code --duration} seconds.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a simulated plant on loopback (OPC UA servers and Modbus/TCP devices of fictitious"
          + " vendors, config/demo/plant.json), scans it read-only, identifies the bundled example"
          + " capture (examples/plant-example.pcapng), matches everything against the demo"
          + " advisories (config/demo/advisories) and prints devices, findings and matches.",
      "The collector and agent services of the full demo come with the agent issue."
    })
final class DemoCommand implements Callable<Integer> {
  static final String EXAMPLE = "examples/plant-example.pcapng";
  static final String PLANT = "config/demo/plant.json";
  static final String ADVISORIES = "config/demo/advisories";
  static final String SHARED_CISA = "../shared/data/csaf/cisa";
  static final int MAX_DURATION = 86_400;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json; default: ${DEFAULT-VALUE}")
  OutputFormat format;

  @Option(
      names = "--duration",
      paramLabel = "S",
      defaultValue = "0",
      description =
          "keep the simulated plant up S seconds after the summary (Ctrl-C ends it earlier),"
              + " 0-86400; default 0: stop right after the summary")
  int duration;

  @Option(
      names = "--advisories",
      paramLabel = "PATH",
      description =
          "a folder of further CSAF advisories to match; default: "
              + SHARED_CISA
              + " beside the installation when it exists")
  Path advisories;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "the fieldprint installation holding examples/ and config/demo/")
  Path home;

  @Override
  public Integer call() throws Exception {
    if (duration < 0 || duration > MAX_DURATION) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--duration must be 0-" + MAX_DURATION + " seconds: " + duration);
    }
    if (advisories != null && !Files.isDirectory(advisories)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--advisories must be a folder of CSAF documents: " + advisories);
    }
    Path root = home != null ? home : Path.of(System.getProperty("fieldprint.home", "."));
    PrintWriter err = spec.commandLine().getErr();
    Path example = root.resolve(EXAMPLE);
    if (!Files.isRegularFile(example)) {
      err.println("fieldprint demo: example capture missing: " + example);
      return FieldprintCommand.EXIT_FAILURE;
    }
    PlantDescription description = PlantDescription.read(root.resolve(PLANT));
    FutureTask<AdvisoryFolder> docs = new FutureTask<>(() -> advisories(root, err));
    Thread loader = new Thread(docs, "fieldprint-demo-advisories");
    loader.setDaemon(true);
    loader.start();
    long start = System.nanoTime();
    try (SimulatedPlant plant = SimulatedPlant.start(description)) {
      err.println(
          "fieldprint demo: simulated plant of "
              + plant.targets().size()
              + " devices up in "
              + seconds(start));
      Thread hook = new Thread(() -> closeQuietly(plant), "fieldprint-demo-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        int exit = report(plant, example, docs);
        stayUp(plant, err);
        return exit;
      } finally {
        removeHook(hook);
      }
    }
  }

  private int report(SimulatedPlant plant, Path example, FutureTask<AdvisoryFolder> loading)
      throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    err.println("fieldprint demo: fieldprint scan " + String.join(" ", plant.targets()));
    ScanLimits limits = ScanLimits.builder().build();
    ScanTargets targets =
        ScanTargets.parse(plant.targets(), List.of(), List.of(), limits.maxDevices());
    ActiveScan.Scanned scanned =
        new ActiveScan(targets, limits, spec.commandLine()).inventory(null);
    err.println("fieldprint demo: scan done in " + seconds(start));
    err.println("fieldprint demo: fieldprint pcap " + EXAMPLE);
    Inventory merged =
        InventoryUnion.of(PassiveReport.inventory(List.of(example)), scanned.inventory());
    AdvisoryFolder docs = advisories(loading);
    long matching = System.nanoTime();
    List<AdvisoryMatch> matches = new AdvisoryMatching(docs.documents()).matches(merged);
    err.println("fieldprint demo: matching done in " + seconds(matching));
    Inventory inventory = AdvisoryMatching.withMatches(merged, matches);
    InventoryOutput.print(inventory, format, null, spec.commandLine());
    if (format == OutputFormat.table) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(MatchSummary.render(matches, docs.documents().size()));
      out.flush();
    }
    err.flush();
    return scanned.failed() ? FieldprintCommand.EXIT_FAILURE : FieldprintCommand.EXIT_OK;
  }

  private static String seconds(long since) {
    return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - since) / 1e9);
  }

  /** The advisories read while the plant started and was scanned. */
  private static AdvisoryFolder advisories(FutureTask<AdvisoryFolder> loading) throws Exception {
    try {
      return loading.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private AdvisoryFolder advisories(Path root, PrintWriter err) throws IOException {
    long start = System.nanoTime();
    AdvisoryFolder docs = AdvisoryFolder.read(root.resolve(ADVISORIES));
    Path extra = advisories != null ? advisories : root.resolve(SHARED_CISA).normalize();
    if (advisories != null || Files.isDirectory(extra)) {
      docs = docs.plus(AdvisoryFolder.read(extra));
    }
    err.println(
        "fieldprint demo: "
            + docs.documents().size()
            + " advisories read, "
            + docs.rejected().size()
            + " rejected, in "
            + seconds(start));
    docs.rejected().stream()
        .limit(5)
        .forEach(r -> err.println("fieldprint demo: advisory rejected: " + r));
    return docs;
  }

  private void stayUp(SimulatedPlant plant, PrintWriter err) throws InterruptedException {
    if (duration == 0) {
      return;
    }
    err.println(
        "fieldprint demo: the simulated plant stays up "
            + duration
            + " s (Ctrl-C stops it): "
            + String.join(" ", plant.targets()));
    err.flush();
    new CountDownLatch(1).await(duration, TimeUnit.SECONDS);
  }

  private static void closeQuietly(SimulatedPlant plant) {
    try {
      plant.close();
    } catch (IOException e) {
      System.err.println("fieldprint demo: stopping the simulated plant: " + e.getMessage());
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is running and closes the plant
    }
  }
}
