package io.fieldprint.advisories.sync;

import io.fieldprint.advisories.csaf.CsafDocument;
import java.net.URI;

/**
 * Receives the outcome of each fetched document. The store decides what to keep; a rejection means
 * the previous good version (if any) must stay.
 */
public interface SyncSink {

  /** A new or changed document passed hash, signature, schema and reading. */
  void accepted(String provider, URI url, byte[] bytes, CsafDocument document);

  /** A listed document that could not be fetched or failed a check, with the reason. */
  void rejected(String provider, URI url, String reason);
}
