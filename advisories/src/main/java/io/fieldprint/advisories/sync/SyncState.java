package io.fieldprint.advisories.sync;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * What the previous syncs saw, per provider: the last good version of each document URL and the
 * OpenPGP fingerprints pinned by trust-on-first-use. A store may implement this to keep the state
 * beside the advisories; {@link InMemorySyncState} and {@link JsonFileSyncState} are provided.
 */
public interface SyncState {

  /** The last accepted version of a document, if any. */
  Optional<DocumentState> document(String provider, URI url);

  /** Records a newly accepted version. */
  void accepted(String provider, URI url, DocumentState state);

  /** Fingerprints pinned for a provider by trust-on-first-use. */
  Set<String> pinnedKeys(String provider);

  /** Pins a fingerprint for a provider. */
  void pinKey(String provider, String fingerprint);

  /** Makes what was recorded durable; called once per provider at the end of its sync. */
  void commit() throws java.io.IOException;
}
