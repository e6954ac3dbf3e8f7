package io.fieldprint.agent.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fieldprint pcap FILE...}: passive identification from capture files. */
@Command(
    name = "pcap",
    mixinStandardHelpOptions = true,
    description = {
      "Passive identification from capture files (pcap, pcapng): prints the assets found, with"
          + " evidence, and the posture findings visible in the traffic.",
      "A file that cannot be read is reported on stderr and the others are still processed;"
          + " the exit status is then 1."
    })
final class PcapCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "capture files to read")
  List<Path> files;

  @Option(
      names = "--format",
      defaultValue = "table",
      description =
          "table (for people) or json (fieldprint.inventory/1); default: ${DEFAULT-VALUE}")
  OutputFormat format;

  @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of stdout")
  Path out;

  @Override
  public Integer call() throws IOException {
    return PassiveReport.run(files, format, out, spec.commandLine());
  }
}
