package io.fieldprint.agent.cli;

import io.fieldprint.advisories.store.SqliteAdvisoryStore;
import io.fieldprint.advisories.store.StoredAdvisory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fieldprint advisories show ID}. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Shows a stored advisory: its columns (table) or the exact stored document (json).",
      "Exit 1 when the store has no advisory with that tracking id."
    })
final class AdvisoriesShowCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption storeOption;

  @Parameters(paramLabel = "ID", description = "tracking id, e.g. ICSA-24-046-15")
  String trackingId;

  @Option(names = "--format", defaultValue = "table", description = "table or json")
  OutputFormat format;

  @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of stdout")
  Path out;

  @Override
  public Integer call() throws IOException {
    Optional<StoredAdvisory> found;
    try (SqliteAdvisoryStore store = storeOption.open()) {
      found = store.get(trackingId);
    }
    if (found.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println("fieldprint: no advisory " + trackingId + " in the store");
      return FieldprintCommand.EXIT_FAILURE;
    }
    StoredAdvisory a = found.get();
    String text;
    if (format == OutputFormat.json) {
      text = new String(a.json(), StandardCharsets.UTF_8);
      text = text.endsWith("\n") ? text : text + "\n";
    } else {
      StringBuilder sb = new StringBuilder();
      AdvisoriesListCommand.json(a.summary())
          .forEach((k, v) -> sb.append(String.format("%-19s %s%n", k, v)));
      text = sb.toString();
    }
    TextOutput.write(text, out, spec.commandLine());
    return FieldprintCommand.EXIT_OK;
  }
}
