package io.fieldprint.agent.cli;

import io.fieldprint.agent.demo.PlantDescription;
import io.fieldprint.agent.demo.SimulatedPlant;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fieldprint plant}: only the simulated plant of {@code fieldprint demo}, kept up until
 * SIGTERM or Ctrl-C, for an agent to capture and scan (the compose file in {@code docker/} runs it
 * beside the agent). The devices listen on loopback addresses at ports the system chooses; the scan
 * targets are printed and, with {@code --targets-out}, written one per line.
 */
@Command(
    name = "plant",
    mixinStandardHelpOptions = true,
    description = {
      "Starts only the simulated plant of the demo (config/demo/plant.json: OPC UA servers and"
          + " Modbus/TCP devices of fictitious vendors on 127.0.0.x) and keeps it up until SIGTERM"
          + " or Ctrl-C, for an agent on the same host or network namespace to capture and scan."
    })
final class PlantCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--plant",
      paramLabel = "FILE",
      description = "the plant description; default: <fieldprint home>/" + DemoCommand.PLANT)
  Path plant;

  @Option(
      names = "--targets-out",
      paramLabel = "FILE",
      description = "write the scan targets there, one per line, once every device listens")
  Path targetsOut;

  @Override
  public Integer call() throws Exception {
    Path file =
        plant != null
            ? plant
            : Path.of(System.getProperty("fieldprint.home", ".")).resolve(DemoCommand.PLANT);
    PlantDescription description = PlantDescription.read(file);
    PrintWriter err = spec.commandLine().getErr();
    SimulatedPlant running = SimulatedPlant.start(description);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  close(running);
                  stopped.countDown();
                },
                "fieldprint-plant-stop"));
    if (targetsOut != null) {
      writeTargets(running, targetsOut);
    }
    err.println(
        "fieldprint plant: "
            + running.targets().size()
            + " simulated devices up: "
            + String.join(" ", running.targets()));
    err.flush();
    stopped.await();
    return FieldprintCommand.EXIT_OK;
  }

  /** Written beside and moved, so a reader never sees half the list. */
  private static void writeTargets(SimulatedPlant running, Path out) throws IOException {
    Path temp = out.resolveSibling(out.getFileName() + ".tmp");
    Files.writeString(temp, String.join("\n", running.targets()) + "\n", StandardCharsets.UTF_8);
    Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void close(SimulatedPlant running) {
    try {
      running.close();
    } catch (IOException e) {
      System.err.println("fieldprint plant: stopping the simulated plant: " + e.getMessage());
    }
  }
}
