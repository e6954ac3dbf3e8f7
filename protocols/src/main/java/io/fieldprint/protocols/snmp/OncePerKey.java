package io.fieldprint.protocols.snmp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which keys were seen, up to a fixed number (least recently seen forgotten first), so a
 * decoder can report something once per device without unbounded memory. Thread-safe.
 */
final class OncePerKey {
  private final Map<String, Boolean> seen;

  OncePerKey(int capacity) {
    this.seen =
        new LinkedHashMap<>(64, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** {@code true} the first time {@code key} is offered (or after it was forgotten). */
  synchronized boolean first(String key) {
    return seen.put(key, Boolean.TRUE) == null;
  }
}
