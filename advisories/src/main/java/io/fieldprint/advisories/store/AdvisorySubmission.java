package io.fieldprint.advisories.store;

import io.fieldprint.advisories.csaf.CsafDocument;
import java.util.Objects;

/**
 * A document offered to the store.
 *
 * @param json the exact bytes it was read from
 * @param document what {@link io.fieldprint.advisories.csaf.CsafReader} made of them
 * @param origin where it came from (a file path or URL)
 */
public record AdvisorySubmission(byte[] json, CsafDocument document, String origin) {
  public AdvisorySubmission {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(origin, "origin");
  }
}
