package io.fieldprint.advisories.index;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.match.AdvisoryMatch;
import io.fieldprint.advisories.match.AdvisoryMatcher;
import io.fieldprint.advisories.match.PreparedAdvisory;
import io.fieldprint.protocols.inventory.Asset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The matches of a set of assets against an {@link AdvisoryIndex}, kept up to date when one
 * advisory changes: only the assets whose vendor the old or new version names are looked at again,
 * and only against the changed advisory.
 */
public final class Correlation {
  private final List<Asset> assets;
  private final List<Set<String>> vendorKeys = new ArrayList<>();
  private final Map<String, List<AdvisoryMatch>> matches = new LinkedHashMap<>();
  private final AdvisoryMatcher matcher = new AdvisoryMatcher();
  private AdvisoryIndex index;

  /** Matches every asset against the index ({@link AdvisoryIndex#matchAll}). */
  public Correlation(AdvisoryIndex index, List<Asset> assets) {
    this.index = index;
    this.assets = List.copyOf(assets);
    List<List<AdvisoryMatch>> all = index.matchAll(this.assets);
    for (int i = 0; i < this.assets.size(); i++) {
      matches.put(this.assets.get(i).id(), all.get(i));
      vendorKeys.add(AdvisoryIndex.deviceVendors(this.assets.get(i)));
    }
  }

  /**
   * Takes a new or changed advisory into account.
   *
   * @return how many assets were matched again
   */
  public int update(CsafDocument changed) {
    CsafDocument previous = index.current(changed);
    Set<String> keys = new TreeSet<>(AdvisoryIndex.vendorKeys(changed));
    Set<String> dropIds = new TreeSet<>();
    dropIds.add(changed.tracking().id());
    if (previous != null) {
      keys.addAll(AdvisoryIndex.vendorKeys(previous));
      dropIds.add(previous.tracking().id());
    }
    index = index.with(changed);
    List<PreparedAdvisory> prepared = List.of(index.prepared(changed));
    int rematched = 0;
    for (int i = 0; i < assets.size(); i++) {
      Asset a = assets.get(i);
      if (!java.util.Collections.disjoint(keys, vendorKeys.get(i))) {
        List<AdvisoryMatch> kept = new ArrayList<>();
        for (AdvisoryMatch m : matches.get(a.id())) {
          if (!dropIds.contains(m.advisoryId())) {
            kept.add(m);
          }
        }
        kept.addAll(matcher.matchPrepared(a, prepared));
        kept.sort(Comparator.comparing(AdvisoryMatch::advisoryId));
        matches.put(a.id(), kept);
        rematched++;
      }
    }
    return rematched;
  }

  /** The current matches of an asset, sorted by advisory id. */
  public List<AdvisoryMatch> matches(String assetId) {
    return matches.getOrDefault(assetId, List.of());
  }

  /** The index as it stands after the updates. */
  public AdvisoryIndex index() {
    return index;
  }
}
