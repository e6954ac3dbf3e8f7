package io.fieldprint.agent.cli;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.store.AdvisoryStore;
import io.fieldprint.advisories.store.AdvisorySubmission;
import io.fieldprint.advisories.store.PutResult;
import io.fieldprint.advisories.store.Rejection;
import io.fieldprint.advisories.store.SqliteAdvisoryStore;
import io.fieldprint.advisories.sync.CsafProviderSync;
import io.fieldprint.advisories.sync.CsafSchemaCheck;
import io.fieldprint.advisories.sync.DocumentCheck;
import io.fieldprint.advisories.sync.JsonFileSyncState;
import io.fieldprint.advisories.sync.ProviderConfig;
import io.fieldprint.advisories.sync.ProviderConfigs;
import io.fieldprint.advisories.sync.SyncLimits;
import io.fieldprint.advisories.sync.SyncReport;
import io.fieldprint.advisories.sync.SyncSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fieldprint advisories sync}: follows the configured CSAF providers (provider metadata,
 * ROLIE feeds or directory listings), verifies each new or changed document (hash, OpenPGP
 * signature, optionally the CSAF 2.0 schema) and puts the good ones into the store. A rejected
 * document is reported with its reason and the stored version stays.
 */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Fetches new and changed CSAF documents from the configured providers into the store.",
      "Providers and trusted keys: config/csaf-providers/*.json (docs/reference/csaf-providers.md)."
          + " Exit 1 when a provider failed or a document was rejected (the others are kept)."
    })
final class AdvisoriesSyncCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption storeOption;

  @Option(
      names = "--providers",
      paramLabel = "DIR",
      description = "provider configurations; default: <fieldprint home>/config/csaf-providers")
  Path providers;

  @Option(
      names = "--provider",
      paramLabel = "NAME",
      description = "sync only these providers (repeatable); default: all configured")
  List<String> only;

  @Option(
      names = "--state",
      paramLabel = "FILE",
      description = "sync state (what was seen, pinned keys); default: next to the store")
  Path state;

  @Option(
      names = "--schema",
      paramLabel = "DIR",
      description = "also validate against the CSAF 2.0 JSON schema in DIR (OASIS csaf_2.0 folder)")
  Path schema;

  @Option(names = "--format", defaultValue = "table", description = "table or json")
  OutputFormat format;

  @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of stdout")
  Path out;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Path folder = providers != null ? providers : home().resolve("config/csaf-providers");
    if (!Files.isDirectory(folder)) {
      err.println("fieldprint: no provider configuration folder: " + folder);
      return FieldprintCommand.EXIT_FAILURE;
    }
    ProviderConfigs.Loaded loaded = ProviderConfigs.load(folder);
    loaded.problems().forEach(p -> err.println("fieldprint: " + p));
    List<ProviderConfig> chosen = chosen(loaded.providers(), err);
    if (chosen == null) {
      return FieldprintCommand.EXIT_USAGE;
    }
    DocumentCheck check = schema != null ? CsafSchemaCheck.load(schema) : DocumentCheck.none();
    Path stateFile = state != null ? state : storeOption.file().resolveSibling("csaf-sync.json");
    Files.createDirectories(stateFile.toAbsolutePath().getParent());
    SyncReport report;
    StoreSink sink;
    try (SqliteAdvisoryStore store = storeOption.open()) {
      sink = new StoreSink(store);
      report =
          new CsafProviderSync(SyncLimits.defaults(), check)
              .sync(chosen, JsonFileSyncState.open(stateFile), sink);
    }
    String text =
        format == OutputFormat.json ? TextOutput.json(json(report, sink)) : table(report, sink);
    TextOutput.write(text, out, spec.commandLine());
    boolean failed = report.hasProblems() || !loaded.problems().isEmpty();
    return failed ? FieldprintCommand.EXIT_FAILURE : FieldprintCommand.EXIT_OK;
  }

  private List<ProviderConfig> chosen(List<ProviderConfig> all, PrintWriter err) {
    if (only == null || only.isEmpty()) {
      return all;
    }
    List<ProviderConfig> chosen = new ArrayList<>();
    for (String name : only) {
      var match = all.stream().filter(p -> p.name().equals(name)).findFirst();
      if (match.isEmpty()) {
        err.println("fieldprint: no provider named " + name + " is configured");
        return null;
      }
      chosen.add(match.get());
    }
    return chosen;
  }

  private static Path home() {
    return Path.of(System.getProperty("fieldprint.home", "."));
  }

  private String table(SyncReport report, StoreSink sink) {
    StringBuilder sb = new StringBuilder();
    for (SyncReport.ProviderReport p : report.providers()) {
      for (String e : p.errors()) {
        sb.append("error    ").append(p.provider()).append(": ").append(e).append('\n');
      }
      for (SyncReport.Rejection r : p.rejected()) {
        sb.append("rejected ").append(r.url()).append(": ").append(r.reason()).append('\n');
      }
      sb.append(
          String.format(
              "%s: %d listed, %d fetched, %d added, %d changed, %d unchanged, %d rejected%n",
              p.provider(),
              p.listed(),
              p.fetched(),
              p.added(),
              p.changed(),
              p.unchanged(),
              p.rejected().size()));
    }
    sb.append(String.format("store %s: %s%n", storeOption.file(), sink.outcomes));
    return sb.toString();
  }

  private Map<String, Object> json(SyncReport report, StoreSink sink) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("store", storeOption.file().toString());
    out.put("providers", report.providers());
    out.put("stored", sink.outcomes);
    return out;
  }

  /** Puts accepted documents into the store and records rejections there too. */
  private static final class StoreSink implements SyncSink {
    private final AdvisoryStore store;
    final Map<PutResult.Outcome, Integer> outcomes = new EnumMap<>(PutResult.Outcome.class);

    StoreSink(AdvisoryStore store) {
      this.store = store;
    }

    @Override
    public void accepted(String provider, URI url, byte[] bytes, CsafDocument document) {
      PutResult result = store.put(new AdvisorySubmission(bytes, document, url.toString()));
      outcomes.merge(result.outcome(), 1, Integer::sum);
    }

    @Override
    public void rejected(String provider, URI url, String reason) {
      store.recordRejections(List.of(new Rejection.New(url.toString(), null, reason)));
    }
  }
}
