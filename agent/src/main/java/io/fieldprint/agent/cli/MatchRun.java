package io.fieldprint.agent.cli;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.index.AdvisoryIndex;
import io.fieldprint.advisories.match.AdvisoryMatch;
import io.fieldprint.advisories.prioritise.EpssScore;
import io.fieldprint.advisories.prioritise.KevEntry;
import io.fieldprint.advisories.prioritise.PrioritisedMatch;
import io.fieldprint.advisories.store.AdvisoryImporter;
import io.fieldprint.advisories.store.CurrentDocuments;
import io.fieldprint.advisories.store.FeedRelease;
import io.fieldprint.advisories.store.SqliteAdvisoryStore;
import io.fieldprint.protocols.inventory.Asset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The advisories one {@code fieldprint match} run correlates with, and the store its KEV and EPSS
 * data come from (absent when matching files and no store exists).
 */
final class MatchRun implements AutoCloseable {
  private final List<CsafDocument> documents;
  private final String origin;
  private final SqliteAdvisoryStore store;

  private MatchRun(List<CsafDocument> documents, String origin, SqliteAdvisoryStore store) {
    this.documents = documents;
    this.origin = origin;
    this.store = store;
  }

  /** {@code --advisories store} reads the store; a path reads CSAF files (rejections on stderr). */
  static MatchRun open(String advisories, StoreOption storeOption, CommandLine cli) {
    CsafReader reader = new CsafReader();
    if (advisories.equals("store")) {
      if (!Files.exists(storeOption.file())) {
        throw new CommandLine.ParameterException(
            cli, "no advisory store at " + storeOption.file() + " (fieldprint advisories import)");
      }
      SqliteAdvisoryStore store = storeOption.open();
      return new MatchRun(
          CurrentDocuments.load(store, reader), "store " + storeOption.file(), store);
    }
    Path path = Path.of(advisories);
    if (!Files.exists(path)) {
      throw new CommandLine.ParameterException(
          cli, "--advisories " + advisories + ": no such file");
    }
    SqliteAdvisoryStore store =
        storeOption.store != null || Files.exists(storeOption.file()) ? storeOption.open() : null;
    List<CsafDocument> docs =
        AdvisoryImporter.readDocuments(
            List.of(path),
            reader,
            r -> cli.getErr().println("fieldprint: skipped " + r.origin() + ": " + r.reason()));
    return new MatchRun(docs, advisories, store);
  }

  /** The matches of the assets at or above a confidence level, with KEV and EPSS attached. */
  List<PrioritisedMatch> correlate(List<Asset> assets, AdvisoryMatch.Level lowest) {
    AdvisoryIndex index = AdvisoryIndex.of(documents);
    List<AdvisoryMatch> matches =
        index.matchAll(assets).stream()
            .flatMap(List::stream)
            .filter(m -> m.confidence().level().ordinal() <= lowest.ordinal())
            .toList();
    List<String> cves = PrioritisedMatch.cves(matches);
    Map<String, KevEntry> kev = store == null ? Map.of() : store.kev(cves);
    Map<String, EpssScore> epss = store == null ? Map.of() : store.epss(cves);
    List<PrioritisedMatch> out = new ArrayList<>();
    for (AdvisoryMatch m : matches) {
      out.add(PrioritisedMatch.of(m, kev, epss));
    }
    return out;
  }

  /** One line: where the advisories and the KEV/EPSS data came from. */
  String describe() {
    return documents.size()
        + " advisories from "
        + origin
        + "; KEV: "
        + feed("kev")
        + "; EPSS: "
        + feed("epss");
  }

  private String feed(String name) {
    Optional<FeedRelease> f = store == null ? Optional.empty() : store.feed(name);
    return f.map(r -> r.version() + " (" + r.entries() + " CVEs)").orElse("not loaded");
  }

  @Override
  public void close() {
    if (store != null) {
      store.close();
    }
  }
}
