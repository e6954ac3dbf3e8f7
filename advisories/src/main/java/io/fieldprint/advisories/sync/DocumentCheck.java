package io.fieldprint.advisories.sync;

import java.util.Optional;

/** An extra check on a document's bytes before it is read, such as JSON-schema validation. */
@FunctionalInterface
public interface DocumentCheck {

  /** Why the document must be rejected, or empty when it passes. */
  Optional<String> problem(byte[] json);

  /** The check that lets every document pass. */
  static DocumentCheck none() {
    return json -> Optional.empty();
  }
}
