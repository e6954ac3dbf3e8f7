package io.fieldprint.agent.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UnmatchedArgsBinding;

/**
 * A command of the architecture that is not built yet: it is listed in {@code --help} and, when
 * run, says so and exits with status 2.
 */
final class PlannedCommand implements Runnable {
  /** The planned commands: name, description, where it is planned. */
  static final List<PlannedCommand> ALL =
      List.of(
          new PlannedCommand(
              "match",
              "Correlates an inventory with CSAF advisories (--advisories PATH [--inventory FILE]).",
              "the advisory-correlation issue"),
          new PlannedCommand(
              "advisories",
              "Fills the local advisory store (import PATH | sync).",
              "the advisory-correlation issue"),
          new PlannedCommand(
              "collector", "Runs the collector service (--config FILE).", "the collector issue"));

  private final String name;
  private final String description;
  private final String plannedIn;
  private CommandSpec spec;

  private PlannedCommand(String name, String description, String plannedIn) {
    this.name = name;
    this.description = description;
    this.plannedIn = plannedIn;
  }

  /** A picocli command line for this planned command. */
  CommandLine commandLine() {
    spec = CommandSpec.wrapWithoutInspection(this);
    spec.name(name);
    spec.usageMessage().description(description + " Not built yet.");
    spec.addUnmatchedArgsBinding(
        UnmatchedArgsBinding.forStringArrayConsumer(new IgnoredArguments()));
    spec.mixinStandardHelpOptions(true);
    return new CommandLine(spec);
  }

  @Override
  public void run() {
    throw new PlannedCommandException(
        "fieldprint "
            + name
            + ": not built yet (planned in "
            + plannedIn
            + "); available now: pcap, demo, scan");
  }

  /** Accepts and drops whatever arguments a planned command is given. */
  private static final class IgnoredArguments implements CommandLine.Model.ISetter {
    @Override
    public <T> T set(T value) {
      return null;
    }
  }

  /** Signals that a planned command was run. */
  static final class PlannedCommandException extends RuntimeException {
    PlannedCommandException(String message) {
      super(message);
    }
  }
}
