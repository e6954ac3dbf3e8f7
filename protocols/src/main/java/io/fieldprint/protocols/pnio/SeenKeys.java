package io.fieldprint.protocols.pnio;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which keys were seen, up to a fixed number (least recently seen forgotten first), so
 * the decoder reports the same thing once without unbounded memory.
 */
final class SeenKeys {
  private final Map<String, Boolean> seen;

  SeenKeys(int capacity) {
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
