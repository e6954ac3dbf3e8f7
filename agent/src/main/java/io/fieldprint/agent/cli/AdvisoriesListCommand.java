package io.fieldprint.agent.cli;

import io.fieldprint.advisories.store.AdvisorySummary;
import io.fieldprint.advisories.store.SqliteAdvisoryStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fieldprint advisories list}. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Lists the advisories in the store (tracking id, version, date, title).")
final class AdvisoriesListCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption storeOption;

  @Option(names = "--format", defaultValue = "table", description = "table or json")
  OutputFormat format;

  @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of stdout")
  Path out;

  @Override
  public Integer call() throws IOException {
    List<AdvisorySummary> all;
    try (SqliteAdvisoryStore store = storeOption.open()) {
      all = store.list();
    }
    String text;
    if (format == OutputFormat.json) {
      text = TextOutput.json(all.stream().map(AdvisoriesListCommand::json).toList());
    } else {
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("ID", "VERSION", "RELEASED", "TITLE"));
      for (AdvisorySummary a : all) {
        String date = a.currentReleaseDate() == null ? "" : a.currentReleaseDate().toString();
        rows.add(List.of(a.trackingId(), a.version(), date, a.title()));
      }
      text = TextTable.render(rows) + all.size() + " advisories in " + storeOption.file() + "\n";
    }
    TextOutput.write(text, out, spec.commandLine());
    return FieldprintCommand.EXIT_OK;
  }

  static java.util.Map<String, Object> json(AdvisorySummary a) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("trackingId", a.trackingId());
    m.put("namespace", a.namespace());
    m.put("version", a.version());
    m.put(
        "currentReleaseDate",
        a.currentReleaseDate() == null ? null : a.currentReleaseDate().toString());
    m.put("title", a.title());
    m.put("tlp", a.tlp());
    m.put("origin", a.origin());
    m.put("sha256", a.sha256());
    m.put("sequence", a.sequence());
    return m;
  }
}
