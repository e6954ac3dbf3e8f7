package io.fieldprint.agent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code fieldprint} command line. Exit status: 0 ok, 1 failure, 2 usage. */
@Command(
    name = "fieldprint",
    mixinStandardHelpOptions = true,
    versionProvider = FieldprintCommand.Version.class,
    description = "Open security inventory for industrial plants.",
    subcommands = {
      AgentCommand.class,
      DemoCommand.class,
      PlantCommand.class,
      PcapCommand.class,
      ScanCommand.class,
      MatchCommand.class,
      ReportCommand.class,
      AdvisoriesCommand.class
    },
    footer = {
      "",
      "Exit status: 0 success, 1 failure, 2 usage error.",
      "Run 'fieldprint COMMAND --help' for a command's options."
    })
public final class FieldprintCommand implements Runnable {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given output streams and returns the exit status. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new FieldprintCommand());
    SeparateServiceCommand.ALL.forEach(p -> cli.addSubcommand(p.commandLine()));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> EXIT_FAILURE);
    cli.setParameterExceptionHandler(
        (e, a) -> {
          err.println("fieldprint: " + e.getMessage());
          err.println("Try 'fieldprint " + commandPath(e.getCommandLine()) + "--help'.");
          return EXIT_USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof SeparateServiceCommand.ElsewhereException) {
            err.println(e.getMessage());
            return EXIT_USAGE;
          }
          err.println("fieldprint: " + e.getMessage());
          return EXIT_FAILURE;
        });
    return cli.execute(args);
  }

  private static String commandPath(CommandLine cl) {
    StringBuilder sb = new StringBuilder();
    for (CommandLine c = cl; c.getParent() != null; c = c.getParent()) {
      sb.insert(0, c.getCommandName() + " ");
    }
    return sb.toString();
  }

  /** The version of this build. */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in =
        FieldprintCommand.class.getResourceAsStream("/io/fieldprint/agent/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"fieldprint " + version()};
    }
  }
}
