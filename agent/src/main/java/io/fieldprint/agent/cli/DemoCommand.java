package io.fieldprint.agent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fieldprint demo}. Until the collector, agent and simulated plant exist, the demo runs
 * passive identification on the bundled example capture of a small synthetic plant.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Shows what fieldprint finds in the bundled example capture of a small plant"
          + " (examples/plant-example.pcapng): devices, firmware, posture findings.",
      "The full demo (collector, simulated plant, agent, dashboard) comes with the agent issue."
    })
final class DemoCommand implements Callable<Integer> {
  static final String EXAMPLE = "examples/plant-example.pcapng";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json; default: ${DEFAULT-VALUE}")
  OutputFormat format;

  @Override
  public Integer call() throws IOException {
    Path home = Path.of(System.getProperty("fieldprint.home", "."));
    Path example = home.resolve(EXAMPLE);
    if (!Files.isRegularFile(example)) {
      spec.commandLine().getErr().println("fieldprint demo: example capture missing: " + example);
      return FieldprintCommand.EXIT_FAILURE;
    }
    spec.commandLine().getErr().println("fieldprint demo: fieldprint pcap " + EXAMPLE);
    return PassiveReport.run(List.of(example), format, null, spec.commandLine());
  }
}
