package io.fieldprint.advisories.index;

import io.fieldprint.advisories.match.PreparedAdvisory;
import io.fieldprint.advisories.match.PreparedDevice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second level of {@link AdvisoryIndex}: inside each canonical vendor key, the affected
 * products of the advisories by lookup key (model-number prefix, name token, family), so a device
 * is compared only with the products it can match ({@link PreparedDevice#lookupKeys}). A product is
 * referred to by a long: the advisory's position in the index order (high 32 bits) and the
 * product's position in the advisory.
 */
final class ProductLookup {
  private static final long[] NONE = new long[0];

  private final Map<String, Map<String, long[]>> byVendor;

  ProductLookup(List<PreparedAdvisory> ordered) {
    Map<String, Map<String, List<Long>>> building = new HashMap<>();
    for (int d = 0; d < ordered.size(); d++) {
      PreparedAdvisory doc = ordered.get(d);
      for (int p = 0; p < doc.size(); p++) {
        long ref = ((long) d << 32) | p;
        Set<String> keys = doc.lookupKeys(p);
        for (String vendor : doc.vendorKeys(p)) {
          Map<String, List<Long>> byKey = building.computeIfAbsent(vendor, v -> new HashMap<>());
          keys.forEach(k -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(ref));
        }
      }
    }
    Map<String, Map<String, long[]>> done = new HashMap<>();
    building.forEach(
        (vendor, byKey) -> {
          Map<String, long[]> arrays = new HashMap<>();
          byKey.forEach(
              (k, refs) -> arrays.put(k, refs.stream().mapToLong(Long::longValue).toArray()));
          done.put(vendor, arrays);
        });
    this.byVendor = done;
  }

  /**
   * The products of the device's vendors that the device can match, sorted (advisory order, then
   * product order), without duplicates.
   */
  long[] candidates(PreparedDevice device) {
    PreparedDevice.LookupKeys keys = device.lookupKeys();
    List<long[]> found = new ArrayList<>();
    for (String vendor : device.advisoryVendors()) {
      Map<String, long[]> byKey = byVendor.getOrDefault(vendor, Map.of());
      keys.always().forEach(k -> found.add(byKey.getOrDefault(k, NONE)));
      addRarest(byKey, keys.productTokens(), found);
      addRarest(byKey, keys.modelTokens(), found);
    }
    long[] all = found.stream().flatMapToLong(Arrays::stream).sorted().distinct().toArray();
    return all;
  }

  /** The keys of the token whose keys name the fewest products (each token's suffice). */
  private static void addRarest(
      Map<String, long[]> byKey, List<List<String>> tokens, List<long[]> found) {
    List<String> rarest = null;
    int fewest = Integer.MAX_VALUE;
    for (List<String> alternative : tokens) {
      int size = 0;
      for (String k : alternative) {
        size += byKey.getOrDefault(k, NONE).length;
      }
      if (size < fewest) {
        fewest = size;
        rarest = alternative;
      }
    }
    if (rarest != null) {
      rarest.forEach(k -> found.add(byKey.getOrDefault(k, NONE)));
    }
  }
}
