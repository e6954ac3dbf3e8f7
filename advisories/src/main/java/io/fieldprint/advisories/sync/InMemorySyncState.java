package io.fieldprint.advisories.sync;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Sync state held in memory; {@link JsonFileSyncState} persists the same content. */
public class InMemorySyncState implements SyncState {
  /** Per provider: document URL to state. */
  protected final Map<String, Map<URI, DocumentState>> documents = new TreeMap<>();

  /** Per provider: pinned fingerprints. */
  protected final Map<String, Set<String>> pinned = new TreeMap<>();

  @Override
  public synchronized Optional<DocumentState> document(String provider, URI url) {
    return Optional.ofNullable(documents.getOrDefault(provider, Map.of()).get(url));
  }

  @Override
  public synchronized void accepted(String provider, URI url, DocumentState state) {
    documents.computeIfAbsent(provider, p -> new HashMap<>()).put(url, state);
  }

  @Override
  public synchronized Set<String> pinnedKeys(String provider) {
    return Set.copyOf(pinned.getOrDefault(provider, Set.of()));
  }

  @Override
  public synchronized void pinKey(String provider, String fingerprint) {
    pinned.computeIfAbsent(provider, p -> new TreeSet<>()).add(fingerprint);
  }

  @Override
  public void commit() throws java.io.IOException {
    // nothing to make durable
  }

  /** How many documents are remembered for a provider. */
  public synchronized int size(String provider) {
    return documents.getOrDefault(provider, Map.of()).size();
  }
}
