package io.fieldprint.agent.cli;

import io.fieldprint.advisories.match.AdvisoryMatch;
import io.fieldprint.advisories.prioritise.PrioritisedMatch;
import io.fieldprint.protocols.inventory.Inventory;
import io.fieldprint.protocols.inventory.InventoryFormatException;
import io.fieldprint.protocols.inventory.InventoryJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fieldprint match}: adds advisory matches to an inventory. */
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description = {
      "Correlates an inventory with CSAF advisories and writes it with matches[] filled, riskiest"
          + " first (known exploited, then CVSS, then EPSS).",
      "KEV and EPSS come from the store (fieldprint advisories import-kev / import-epss)."
    })
final class MatchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption storeOption;

  @Option(
      names = "--advisories",
      required = true,
      paramLabel = "PATH|store",
      description = "CSAF files or folders, or 'store' for the advisory store")
  String advisories;

  @Option(
      names = "--inventory",
      defaultValue = "-",
      paramLabel = "FILE|-",
      description = "inventory JSON (fieldprint.inventory/1); '-' reads stdin (default)")
  String inventory;

  @Option(names = "--format", defaultValue = "table", description = "table or json")
  OutputFormat format;

  @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of stdout")
  Path out;

  @Option(
      names = "--min-confidence",
      defaultValue = "possible",
      description = "confirmed, likely or possible (default: ${DEFAULT-VALUE})")
  MinConfidence minConfidence;

  @Option(names = "--sort", defaultValue = "risk", description = "risk (default) or asset")
  MatchSort sort;

  /** The lowest confidence reported. */
  enum MinConfidence {
    confirmed(AdvisoryMatch.Level.HIGH),
    likely(AdvisoryMatch.Level.MEDIUM),
    possible(AdvisoryMatch.Level.LOW);

    final AdvisoryMatch.Level level;

    MinConfidence(AdvisoryMatch.Level level) {
      this.level = level;
    }
  }

  /** Order of the matches. */
  enum MatchSort {
    risk,
    asset
  }

  @Override
  public Integer call() throws IOException {
    Inventory input = readInventory();
    MatchRun run = MatchRun.open(advisories, storeOption, spec.commandLine());
    List<PrioritisedMatch> matches;
    String header;
    try (run) {
      matches = run.correlate(input.assets(), minConfidence.level);
      header = run.describe();
    }
    matches = new ArrayList<>(matches);
    matches.sort(sort == MatchSort.risk ? PrioritisedMatch.BY_RISK : PrioritisedMatch.BY_ASSET);
    List<Object> json = new ArrayList<>();
    matches.forEach(m -> json.add(m.toJson()));
    Inventory result =
        new Inventory(
            input.sources(),
            input.assets(),
            input.findings(),
            json,
            input.warnings(),
            input.warningsOmitted());
    if (format == OutputFormat.json) {
      TextOutput.write(
          new InventoryJson(FieldprintCommand.version()).write(result), out, spec.commandLine());
    } else {
      TextOutput.write(MatchTable.render(matches, header), out, spec.commandLine());
    }
    return FieldprintCommand.EXIT_OK;
  }

  private Inventory readInventory() throws IOException {
    if (!inventory.equals("-") && !Files.isRegularFile(Path.of(inventory))) {
      throw new IOException("cannot read the inventory " + inventory + ": no such file");
    }
    String text =
        inventory.equals("-")
            ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
            : Files.readString(Path.of(inventory));
    try {
      return InventoryJson.read(text);
    } catch (InventoryFormatException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--inventory " + inventory + ": " + e.getMessage());
    }
  }
}
