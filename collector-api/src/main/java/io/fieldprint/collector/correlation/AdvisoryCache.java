package io.fieldprint.collector.correlation;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.collector.storage.CorrelationStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed current advisories, kept between correlation runs and refreshed by (tracking id, version):
 * a revision is parsed once, a withdrawn id is dropped.
 */
final class AdvisoryCache {
  private final CorrelationStore store;
  private final CsafReader reader;
  private final Map<String, Entry> parsed = new ConcurrentHashMap<>();

  AdvisoryCache(CorrelationStore store, CsafReader reader) {
    this.store = store;
    this.reader = reader;
  }

  /** The parsed documents of exactly these (id, version) pairs. */
  List<CsafDocument> documents(Map<String, String> versions) {
    parsed.keySet().retainAll(versions.keySet());
    List<CsafDocument> out = new ArrayList<>(versions.size());
    for (Map.Entry<String, String> v : versions.entrySet()) {
      Entry e = parsed.get(v.getKey());
      if (e == null || !e.version().equals(v.getValue())) {
        e = load(v.getKey()).orElse(null);
        if (e == null) {
          continue;
        }
        parsed.put(v.getKey(), e);
      }
      out.add(e.document());
    }
    return out;
  }

  private Optional<Entry> load(String id) {
    return store
        .advisoryJson(id)
        .map(json -> reader.read(json.getBytes(StandardCharsets.UTF_8)))
        .filter(CsafDocument.class::isInstance)
        .map(CsafDocument.class::cast)
        .map(d -> new Entry(d.tracking().version(), d));
  }

  private record Entry(String version, CsafDocument document) {}
}
