package io.fieldprint.agent.cli;

import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.store.AdvisoryImporter;
import io.fieldprint.advisories.store.ImportSummary;
import io.fieldprint.advisories.store.SqliteAdvisoryStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fieldprint advisories import PATH...}. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports CSAF 2.0 documents (files, or the .json files below folders) into the store.",
      "Same version: unchanged; newer: replaces; older: ignored with a reason. A document that"
          + " cannot be used is listed with its reason and the stored version stays. Exit 1 only"
          + " when no document could be used."
    })
final class AdvisoriesImportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption storeOption;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "CSAF files or folders")
  List<Path> paths;

  @Option(names = "--format", defaultValue = "table", description = "table or json")
  OutputFormat format;

  @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of stdout")
  Path out;

  @Override
  public Integer call() throws IOException {
    for (Path p : paths) {
      if (!java.nio.file.Files.exists(p)) {
        spec.commandLine().getErr().println("fieldprint: no such file or folder: " + p);
        return FieldprintCommand.EXIT_FAILURE;
      }
    }
    long start = System.nanoTime();
    ImportSummary s;
    try (SqliteAdvisoryStore store = storeOption.open()) {
      s = new AdvisoryImporter(store, new CsafReader()).importPaths(paths);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String text = format == OutputFormat.json ? TextOutput.json(json(s)) : table(s, seconds);
    TextOutput.write(text, out, spec.commandLine());
    boolean nothingUsable = s.rejected().size() == s.total() && s.total() > 0;
    if (nothingUsable || s.total() == 0) {
      spec.commandLine()
          .getErr()
          .println("fieldprint: no CSAF document could be imported from " + paths);
      return FieldprintCommand.EXIT_FAILURE;
    }
    return FieldprintCommand.EXIT_OK;
  }

  private String table(ImportSummary s, double seconds) {
    StringBuilder sb = new StringBuilder();
    for (ImportSummary.Item i : s.rejected()) {
      sb.append("rejected ").append(i.origin()).append(": ").append(i.reason()).append('\n');
    }
    for (ImportSummary.Item i : s.ignored()) {
      sb.append("ignored  ").append(i.origin()).append(" (").append(i.trackingId());
      sb.append("): ").append(i.reason()).append('\n');
    }
    sb.append(
        String.format(
            "%d documents in %.1f s: %d imported, %d updated, %d unchanged, %d ignored, %d"
                + " rejected; store %s%n",
            s.total(),
            seconds,
            s.imported(),
            s.updated(),
            s.unchanged(),
            s.ignored().size(),
            s.rejected().size(),
            storeOption.file()));
    return sb.toString();
  }

  private Map<String, Object> json(ImportSummary s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("store", storeOption.file().toString());
    out.put("documents", s.total());
    out.put("imported", s.imported());
    out.put("updated", s.updated());
    out.put("unchanged", s.unchanged());
    out.put("ignored", s.ignored());
    out.put("rejected", s.rejected());
    return out;
  }
}
