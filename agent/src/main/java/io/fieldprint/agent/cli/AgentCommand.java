package io.fieldprint.agent.cli;

import io.fieldprint.agent.service.AgentService;
import io.fieldprint.agent.service.capture.CaptureUnavailableException;
import io.fieldprint.agent.service.config.AgentConfig;
import io.fieldprint.agent.service.config.AgentConfigReader;
import io.fieldprint.agent.service.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fieldprint agent --config FILE}: runs the edge agent service until SIGTERM or Ctrl-C. */
@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the edge agent: live passive capture and scheduled read-only scans into one"
          + " inventory, reported to the collector through a local outbox (or kept locally when no"
          + " collector is configured); /health and /metrics on the ops port.",
      "Configuration: docs/reference/agent-config.md. Stops on SIGTERM after a last report."
    })
final class AgentCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "the agent's YAML configuration")
  Path config;

  @Option(names = "--check", description = "validate the configuration, print it masked, exit")
  boolean check;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    AgentConfig parsed;
    try {
      parsed = new AgentConfigReader().read(config);
    } catch (ConfigException e) {
      e.problems().forEach(p -> err.println("fieldprint agent: config: " + p));
      err.flush();
      return FieldprintCommand.EXIT_USAGE;
    }
    if (check) {
      spec.commandLine().getOut().println("configuration ok: " + parsed);
      spec.commandLine().getOut().flush();
      return FieldprintCommand.EXIT_OK;
    }
    AgentService agent;
    try {
      agent = AgentService.start(parsed, FieldprintCommand.version(), InstantSource.system());
    } catch (CaptureUnavailableException | IOException | RuntimeException e) {
      err.println("fieldprint agent: cannot start: " + e.getMessage());
      err.flush();
      return FieldprintCommand.EXIT_FAILURE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  agent.close();
                  stopped.countDown();
                },
                "fieldprint-agent-stop"));
    stopped.await();
    return FieldprintCommand.EXIT_OK;
  }
}
