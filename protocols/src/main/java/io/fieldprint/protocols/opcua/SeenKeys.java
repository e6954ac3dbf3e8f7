package io.fieldprint.protocols.opcua;

import java.util.HashSet;
import java.util.Set;

/**
 * Remembers what a connection already reported so each observation or finding is emitted once per
 * distinct content. Bounded: past the limit nothing new is remembered, so at worst a repeat is
 * emitted again (the asset merge deduplicates too).
 */
final class SeenKeys {
  private static final int MAX_KEYS = 1024;
  private final Set<String> keys = new HashSet<>();

  /** {@code true} the first time {@code key} is offered. */
  boolean first(String key) {
    if (keys.contains(key)) {
      return false;
    }
    if (keys.size() < MAX_KEYS) {
      keys.add(key);
    }
    return true;
  }
}
