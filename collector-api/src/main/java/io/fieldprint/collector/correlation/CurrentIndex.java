package io.fieldprint.collector.correlation;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.index.AdvisoryIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@link AdvisoryIndex} of the stored current advisories, kept between correlation runs: a few
 * new or revised advisories replace their entries ({@link AdvisoryIndex#with}); a withdrawn one, a
 * change of publisher or a large import rebuilds the index.
 */
final class CurrentIndex {
  /** Above this many changed advisories a rebuild (prepared on all cores) is cheaper. */
  private static final int MAX_INCREMENTAL = 64;

  private final AdvisoryCache cache;
  private Map<String, String> versions = Map.of();
  private Map<String, String> lastAsked;
  private AdvisoryIndex index;

  CurrentIndex(AdvisoryCache cache) {
    this.cache = cache;
  }

  /** The index of exactly these (tracking id, version) pairs; a batch asks with one map. */
  AdvisoryIndex of(Map<String, String> current) {
    if (index != null && (current == lastAsked || current.equals(versions))) {
      lastAsked = current;
      return index;
    }
    lastAsked = current;
    List<CsafDocument> documents = cache.documents(current);
    AdvisoryIndex updated = index == null ? null : updated(current, documents);
    index = updated != null ? updated : AdvisoryIndex.of(documents);
    versions = Map.copyOf(current);
    return index;
  }

  /** The index with the changed documents replaced, or null when it must be rebuilt. */
  private AdvisoryIndex updated(Map<String, String> current, List<CsafDocument> documents) {
    if (!current.keySet().containsAll(versions.keySet())) {
      return null;
    }
    List<CsafDocument> changed = new ArrayList<>();
    for (CsafDocument d : documents) {
      if (!d.tracking().version().equals(versions.get(d.tracking().id()))) {
        changed.add(d);
      }
    }
    if (changed.size() > MAX_INCREMENTAL) {
      return null;
    }
    AdvisoryIndex next = index;
    for (CsafDocument d : changed) {
      if (versions.containsKey(d.tracking().id()) && next.current(d) == null) {
        return null; // same tracking id from another publisher: the old entry must go
      }
      next = next.with(d);
    }
    return next.size() == documents.size() ? next : null;
  }
}
