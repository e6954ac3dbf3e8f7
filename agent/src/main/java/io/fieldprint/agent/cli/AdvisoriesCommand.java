package io.fieldprint.agent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fieldprint advisories ...}: the local advisory store. */
@Command(
    name = "advisories",
    mixinStandardHelpOptions = true,
    description = "Fills and reads the local advisory store (CSAF 2.0 documents, KEV, EPSS).",
    subcommands = {
      AdvisoriesImportCommand.class,
      AdvisoriesSyncCommand.class,
      AdvisoriesListCommand.class,
      AdvisoriesShowCommand.class,
      FeedImportCommand.Kev.class,
      FeedImportCommand.Epss.class
    })
final class AdvisoriesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "a subcommand is required (import, sync, list, show, import-kev, import-epss)");
  }
}
