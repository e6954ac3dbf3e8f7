package io.fieldprint.protocols.s7;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Read SZL responses too long for one PDU arrive in parts: each part but the last has last data
 * unit != 0, and the client fetches the next with a follow-up request; all parts carry the same
 * data unit reference. Their data are joined here, at most {@value #MAX_OPEN} lists of at most
 * {@value #MAX_BYTES} bytes at a time.
 */
final class SzlFragments {
  static final int MAX_OPEN = 4;
  static final int MAX_BYTES = 32 * 1024;

  /** A list being joined; evidence points at its first part. */
  static final class Assembly {
    final ByteAccumulator bytes = new ByteAccumulator(MAX_BYTES);
    final String firstOrigin;
    final Instant firstSeen;
    final int requestedId;
    int parts;

    Assembly(String firstOrigin, Instant firstSeen, int requestedId) {
      this.firstOrigin = firstOrigin;
      this.firstSeen = firstSeen;
      this.requestedId = requestedId;
    }
  }

  private final Map<Integer, Assembly> open = new LinkedHashMap<>();

  /** The open list for {@code dataUnitReference}, started now if there is none. */
  Assembly openOrContinue(int dataUnitReference, String origin, Instant at, int requestedId) {
    Assembly assembly = open.get(dataUnitReference);
    if (assembly == null) {
      if (open.size() >= MAX_OPEN) {
        open.remove(open.keySet().iterator().next());
      }
      assembly = new Assembly(origin, at, requestedId);
      open.put(dataUnitReference, assembly);
    }
    return assembly;
  }

  /** Removes and returns the open list for {@code dataUnitReference}, or {@code null}. */
  Assembly take(int dataUnitReference) {
    return open.remove(dataUnitReference);
  }

  void clear() {
    open.clear();
  }
}
