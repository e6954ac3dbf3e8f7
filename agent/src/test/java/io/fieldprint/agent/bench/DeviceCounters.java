package io.fieldprint.agent.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one simulated device saw, counted on the server side with the server's own clock: TCP
 * connections (total and the most open at once), requests (arrival times and kinds) and the most
 * requests outstanding at once. Thread-safe; {@link #snapshotAndReset()} starts a new phase.
 */
final class DeviceCounters {

  private final String address;
  private final String protocol;
  private int connections;
  private int openConnections;
  private int maxOpenConnections;
  private int outstanding;
  private int maxOutstanding;
  private final List<Long> arrivals = new ArrayList<>();
  private final List<String> arrivalKinds = new ArrayList<>();
  private final Map<String, Integer> kinds = new TreeMap<>();

  DeviceCounters(String address, String protocol) {
    this.address = address;
    this.protocol = protocol;
  }

  synchronized void connectionOpened() {
    connections++;
    openConnections++;
    maxOpenConnections = Math.max(maxOpenConnections, openConnections);
  }

  synchronized void connectionClosed() {
    openConnections = Math.max(0, openConnections - 1);
  }

  /** A request arrived (complete) now; {@code kind} names it, e.g. {@code FC43/1}. */
  synchronized void request(String kind) {
    arrivals.add(System.nanoTime());
    arrivalKinds.add(kind);
    kinds.merge(kind, 1, Integer::sum);
  }

  /** A request of another kind that is part of the previous one (e.g. OPN after HEL). */
  synchronized void message(String kind) {
    kinds.merge(kind, 1, Integer::sum);
  }

  synchronized void started() {
    outstanding++;
    maxOutstanding = Math.max(maxOutstanding, outstanding);
  }

  synchronized void answered() {
    outstanding = Math.max(0, outstanding - 1);
  }

  /** Counts as JSON fields, then starts counting afresh (open connections stay open). */
  synchronized Map<String, Object> snapshotAndReset() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("address", address);
    f.put("protocol", protocol);
    f.put("connections", connections);
    f.put("maxOpenConnections", maxOpenConnections);
    f.put("requests", arrivals.size());
    f.put("maxOutstanding", maxOutstanding);
    int at = minGapIndex();
    f.put("minGapMs", at < 0 ? null : (arrivals.get(at) - arrivals.get(at - 1)) / 1e6);
    f.put(
        "minGapBetween", at < 0 ? null : arrivalKinds.get(at - 1) + " -> " + arrivalKinds.get(at));
    f.put("firstNanos", arrivals.isEmpty() ? null : arrivals.get(0));
    f.put("lastNanos", arrivals.isEmpty() ? null : arrivals.get(arrivals.size() - 1));
    f.put("kinds", new TreeMap<>(kinds));
    connections = 0;
    maxOpenConnections = openConnections;
    maxOutstanding = outstanding;
    arrivals.clear();
    arrivalKinds.clear();
    kinds.clear();
    return f;
  }

  /** Index of the arrival that followed its predecessor most closely, or -1 with fewer than two. */
  private int minGapIndex() {
    int at = -1;
    for (int i = 1; i < arrivals.size(); i++) {
      if (at < 0
          || arrivals.get(i) - arrivals.get(i - 1) < arrivals.get(at) - arrivals.get(at - 1)) {
        at = i;
      }
    }
    return at;
  }
}
