package io.fieldprint.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldprint.agent.demo.CollectorApi;
import io.fieldprint.agent.demo.CollectorChild;
import io.fieldprint.agent.demo.CollectorSettling;
import io.fieldprint.agent.demo.DemoAdvisories;
import io.fieldprint.agent.demo.DemoAgentConfig;
import io.fieldprint.agent.demo.DemoStack;
import io.fieldprint.agent.demo.PlantDescription;
import io.fieldprint.agent.demo.SimulatedPlant;
import io.fieldprint.agent.service.AgentService;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fieldprint demo}: the whole system on one machine. Starts the real collector (its jar, as
 * a child process, SQLite in a temporary folder), the simulated plant of {@code
 * config/demo/plant.json} on loopback, and the agent service in-process, which scans the plant and
 * replays the bundled example capture through its passive decoders and reports to the collector;
 * the collector matches the inventory against the demo advisories (and the shared CISA corpus when
 * present). The summary is read back from the collector's API. Everything stops at Ctrl-C or after
 * {@code --duration}.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole system on this machine: a collector (SQLite, 127.0.0.1), a simulated plant"
          + " on loopback (OPC UA servers and Modbus/TCP devices of fictitious vendors,"
          + " config/demo/plant.json) and an agent that scans the plant, replays the bundled"
          + " capture (examples/plant-example.pcapng) and reports to the collector, which matches"
          + " the devices against the demo advisories (config/demo/advisories).",
      "Prints devices, findings and matches as the collector holds them, the dashboard and API"
          + " URL and a viewer token; stays up until Ctrl-C or --duration."
    })
final class DemoCommand implements Callable<Integer> {
  static final String EXAMPLE = "examples/plant-example.pcapng";
  static final String PLANT = "config/demo/plant.json";
  static final String ADVISORIES = "config/demo/advisories";
  static final String SHARED_CISA = "../shared/data/csaf/cisa";
  static final String SITE = "demo-plant";
  static final int MAX_DURATION = 86_400;
  static final long CORRELATION_MILLIS = 250;
  static final Duration SETTLE_BUDGET = Duration.ofSeconds(240);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (the collector's assets and matches); default: ${DEFAULT-VALUE}")
  OutputFormat format;

  @Option(
      names = "--duration",
      paramLabel = "S",
      description =
          "stay up S seconds after the summary, 0-86400 (0: stop right after it); default: until"
              + " Ctrl-C")
  Integer duration;

  @Option(names = "--once", description = "print the summary and stop (as --duration 0)")
  boolean once;

  @Option(
      names = "--advisories",
      paramLabel = "PATH",
      description =
          "a folder of further CSAF advisories the collector imports; default: "
              + SHARED_CISA
              + " beside the installation when it exists")
  Path advisories;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "the fieldprint installation holding examples/, config/demo/ and the collector")
  Path home;

  @Override
  public Integer call() throws Exception {
    if (duration != null && (duration < 0 || duration > MAX_DURATION)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--duration must be 0-" + MAX_DURATION + " seconds: " + duration);
    }
    if (advisories != null && !Files.isDirectory(advisories)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--advisories must be a folder of CSAF documents: " + advisories);
    }
    Path root = home != null ? home : Path.of(System.getProperty("fieldprint.home", "."));
    PrintWriter err = spec.commandLine().getErr();
    Path example = root.resolve(EXAMPLE).toAbsolutePath().normalize();
    if (!Files.isRegularFile(example)) {
      err.println("fieldprint demo: example capture missing: " + example);
      return FieldprintCommand.EXIT_FAILURE;
    }
    Optional<Path> jar = CollectorChild.locate(root);
    if (jar.isEmpty()) {
      err.println(
          "fieldprint demo: collector not found at "
              + root.resolve(CollectorChild.BUILT_JAR).toAbsolutePath().normalize()
              + " (build it with ./fieldprint or mvn -pl agent,collector-api -am package)");
      return FieldprintCommand.EXIT_FAILURE;
    }
    PlantDescription description = PlantDescription.read(root.resolve(PLANT));
    long t0 = System.nanoTime();
    try (DemoStack stack = new DemoStack(Files.createTempDirectory("fieldprint-demo-"))) {
      return run(stack, root, jar.get(), description, example, t0);
    }
  }

  private int run(
      DemoStack stack, Path root, Path jar, PlantDescription description, Path example, long t0)
      throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Optional<Path> folder = advisoryFolder(root);
    CollectorChild launched =
        CollectorChild.launch(jar, stack.data().resolve("collector"), folder, CORRELATION_MILLIS);
    stack.collector(launched);
    FutureTask<CollectorChild> starting = new FutureTask<>(launched::awaitHealthy);
    Thread starter = new Thread(starting, "fieldprint-demo-collector-start");
    starter.setDaemon(true);
    starter.start();
    SimulatedPlant plant = SimulatedPlant.start(description);
    stack.plant(plant);
    say(err, "simulated plant: " + String.join(" ", plant.targets()) + since(t0));
    CollectorChild collector = started(starting);
    say(err, "collector (pid " + collector.pid() + ") on " + collector.url() + since(t0));
    CollectorApi api = new CollectorApi(collector.url(), collector.adminToken());
    api.createSite(SITE, "Demo plant (simulated)");
    String agentToken = api.createAgent(SITE, DemoAgentConfig.AGENT_ID);
    Path viewerFile = stack.data().resolve("viewer-token");
    DemoAdvisories.writeSecret(viewerFile, api.createViewer(SITE, "demo-viewer"));
    say(err, DemoAdvisories.importInto(api, root.resolve(ADVISORIES)));
    folder.ifPresent(f -> say(err, "the collector imports " + f + " in the background"));
    AgentService agent = startAgent(stack, plant, example, collector.url(), agentToken);
    say(err, "agent running: scans the plant, replays " + EXAMPLE + since(t0));
    try {
      new CollectorSettling(agent, collector, api, SITE, folder.isPresent()).await(SETTLE_BUDGET);
    } catch (TimeoutException e) {
      err.println(
          "fieldprint demo: "
              + e.getMessage()
              + " within "
              + SETTLE_BUDGET.toSeconds()
              + " s (collector log: "
              + collector.log()
              + ")");
      return FieldprintCommand.EXIT_FAILURE;
    }
    say(err, "the collector holds the agent's report and its matches" + since(t0));
    print(api, collector, viewerFile, t0);
    stayUp(err);
    return FieldprintCommand.EXIT_OK;
  }

  private static AgentService startAgent(
      DemoStack stack, SimulatedPlant plant, Path example, String collectorUrl, String token)
      throws Exception {
    quietReportLog();
    AgentService agent =
        AgentService.start(
            DemoAgentConfig.write(
                stack.data().resolve("agent"), SITE, plant.targets(), example, collectorUrl, token),
            FieldprintCommand.version(),
            InstantSource.system());
    stack.agent(agent);
    return agent;
  }

  /**
   * One INFO line per report (every two seconds) would bury the demo's own lines: the report cycle
   * and sender log warnings only. slf4j-simple reads a logger's level when the logger is created,
   * which is when the agent starts.
   */
  private static void quietReportLog() {
    for (String logger :
        List.of(
            "io.fieldprint.agent.service.ReportCycle",
            "io.fieldprint.agent.service.outbox.ReportSender")) {
      System.setProperty("org.slf4j.simpleLogger.log." + logger, "warn");
    }
  }

  private Optional<Path> advisoryFolder(Path root) {
    if (advisories != null) {
      return Optional.of(advisories.toAbsolutePath().normalize());
    }
    Path shared = root.resolve(SHARED_CISA).toAbsolutePath().normalize();
    return Files.isDirectory(shared) ? Optional.of(shared) : Optional.empty();
  }

  private void print(CollectorApi api, CollectorChild collector, Path viewerFile, long t0)
      throws Exception {
    List<JsonNode> assets = new ArrayList<>();
    for (JsonNode a : api.assets(SITE)) {
      assets.add(api.asset(a.path("uid").asText()));
    }
    List<JsonNode> matches = api.matches(SITE);
    PrintWriter out = spec.commandLine().getOut();
    String viewerToken = Files.readString(viewerFile).strip();
    if (format == OutputFormat.json) {
      ObjectMapper json = new ObjectMapper();
      ObjectNode doc = json.createObjectNode();
      doc.put("site", SITE).put("dashboard", collector.url() + "/");
      doc.put("api", collector.url() + "/api/v1").put("viewerToken", viewerToken);
      doc.putArray("assets").addAll(assets);
      doc.putArray("matches").addAll(matches);
      out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
    } else {
      out.print(new DemoSummary(assets, matches).render());
      out.println();
      out.println("Summary read from the collector " + since(t0).strip() + " after the start.");
      out.println("  dashboard:    " + collector.url() + "/  (site " + SITE + ")");
      out.println("  API:          " + collector.url() + "/api/v1/sites/" + SITE + "/assets");
      out.println("  viewer token: " + viewerToken + "  (also in " + viewerFile + ")");
      out.println("  collector log: " + collector.log());
    }
    out.flush();
  }

  private void stayUp(PrintWriter err) throws InterruptedException {
    if (once || (duration != null && duration == 0)) {
      return;
    }
    say(
        err,
        duration == null ? "running until Ctrl-C" : "running " + duration + " s (Ctrl-C stops)");
    CountDownLatch forever = new CountDownLatch(1);
    if (duration == null) {
      forever.await();
    } else {
      forever.await(duration, TimeUnit.SECONDS);
    }
  }

  private static CollectorChild started(FutureTask<CollectorChild> starting) throws Exception {
    try {
      return starting.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static void say(PrintWriter err, String line) {
    err.println("fieldprint demo: " + line);
    err.flush();
  }

  private static String since(long t0) {
    return String.format(Locale.ROOT, " (%.1f s)", (System.nanoTime() - t0) / 1e9);
  }
}
