package io.fieldprint.agent.service.advisories;

import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.index.AdvisoryIndex;
import io.fieldprint.advisories.match.AdvisoryMatch;
import io.fieldprint.advisories.store.CurrentDocuments;
import io.fieldprint.advisories.store.SqliteAdvisoryStore;
import io.fieldprint.protocols.inventory.Inventory;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local advisory store of {@code advisories.store} (written by {@code fieldprint advisories
 * import}): its current advisories indexed once, and again when an import changed the store, and
 * every inventory snapshot matched against them. Blocking (JDBC): call from a worker thread.
 */
public final class LocalAdvisories implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalAdvisories.class);

  private final Path file;
  private final SqliteAdvisoryStore store;
  private AdvisoryIndex index;
  private int documents;
  private long sequence = -1;
  private volatile Map<AdvisoryMatch.Level, Integer> lastCounts = counts(List.of());

  private LocalAdvisories(Path file, SqliteAdvisoryStore store) {
    this.file = file;
    this.store = store;
  }

  /** Opens the store and indexes its current advisories. */
  public static LocalAdvisories open(Path file) {
    LocalAdvisories local = new LocalAdvisories(file, SqliteAdvisoryStore.open(file));
    local.refresh();
    return local;
  }

  /** Every match of the snapshot's assets, at every confidence level. */
  public synchronized List<AdvisoryMatch> match(Inventory snapshot) {
    refresh();
    List<AdvisoryMatch> matches =
        index.matchAll(snapshot.assets()).stream().flatMap(List::stream).toList();
    lastCounts = counts(matches);
    return matches;
  }

  /** Advisories indexed. */
  public synchronized int documents() {
    return documents;
  }

  /** Matches of the last snapshot at {@code level}. */
  public int lastMatches(AdvisoryMatch.Level level) {
    return lastCounts.get(level);
  }

  private void refresh() {
    long now = store.sequence();
    if (now == sequence) {
      return;
    }
    long t0 = System.nanoTime();
    var current = CurrentDocuments.load(store, new CsafReader());
    index = AdvisoryIndex.of(current);
    documents = current.size();
    sequence = now;
    LOG.info(
        "advisory store {}: {} advisories indexed in {} ms",
        file,
        documents,
        (System.nanoTime() - t0) / 1_000_000);
  }

  private static Map<AdvisoryMatch.Level, Integer> counts(List<AdvisoryMatch> matches) {
    Map<AdvisoryMatch.Level, Integer> counts = new EnumMap<>(AdvisoryMatch.Level.class);
    for (AdvisoryMatch.Level level : AdvisoryMatch.Level.values()) {
      counts.put(level, 0);
    }
    matches.forEach(m -> counts.merge(m.confidence().level(), 1, Integer::sum));
    return counts;
  }

  @Override
  public synchronized void close() {
    store.close();
  }
}
