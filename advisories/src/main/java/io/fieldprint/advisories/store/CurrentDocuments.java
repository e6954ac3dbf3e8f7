package io.fieldprint.advisories.store;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.csaf.CsafResult;
import java.util.ArrayList;
import java.util.List;

/** Loads the current documents of a store, parsed on a bounded number of threads. */
public final class CurrentDocuments {
  private CurrentDocuments() {}

  /**
   * Every current advisory of the store, parsed, in tracking id order. A stored document that no
   * longer parses (stricter limits than when it was stored) is left out.
   */
  public static List<CsafDocument> load(AdvisoryStore store, CsafReader reader) {
    List<byte[]> raw = new ArrayList<>();
    store.forEachCurrent(a -> raw.add(a.json()));
    List<CsafDocument> out = new ArrayList<>(raw.size());
    BoundedParallel.forThisMachine()
        .map(
            raw,
            reader::read,
            results -> {
              for (CsafResult r : results) {
                if (r instanceof CsafDocument d) {
                  out.add(d);
                }
              }
            });
    return out;
  }
}
