package io.fieldprint.agent.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UnmatchedArgsBinding;

/**
 * A command of {@code fieldprint} that runs from another jar: the collector is its own service and
 * artefact ({@code collector-api/target/fieldprint-collector.jar}; the agent module may not depend
 * on it). The {@code ./fieldprint} launcher starts that jar itself; this entry lists the command in
 * {@code --help} and, when the agent jar is run directly, says how to start it (exit status 2).
 */
final class SeparateServiceCommand implements Runnable {
  /** The commands that live in another jar. */
  static final List<SeparateServiceCommand> ALL =
      List.of(
          new SeparateServiceCommand(
              "collector",
              "Runs the collector service (--config FILE), from its own jar.",
              "./fieldprint collector --config FILE"
                  + " (or java -jar collector-api/target/fieldprint-collector.jar --config FILE)"));

  private final String name;
  private final String description;
  private final String howToRun;

  private SeparateServiceCommand(String name, String description, String howToRun) {
    this.name = name;
    this.description = description;
    this.howToRun = howToRun;
  }

  /** A picocli command line for this command. */
  CommandLine commandLine() {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(this);
    spec.name(name);
    spec.usageMessage().description(description);
    spec.addUnmatchedArgsBinding(
        UnmatchedArgsBinding.forStringArrayConsumer(new IgnoredArguments()));
    spec.mixinStandardHelpOptions(true);
    return new CommandLine(spec);
  }

  @Override
  public void run() {
    throw new ElsewhereException(
        "fieldprint " + name + ": runs from its own jar; start it with " + howToRun);
  }

  /** Accepts and drops whatever arguments the command is given. */
  private static final class IgnoredArguments implements CommandLine.Model.ISetter {
    @Override
    public <T> T set(T value) {
      return null;
    }
  }

  /** Signals that the command must be started from its own jar. */
  static final class ElsewhereException extends RuntimeException {
    ElsewhereException(String message) {
      super(message);
    }
  }
}
