package io.fieldprint.agent.demo;

import io.fieldprint.protocols.decode.DecodeWarning;
import io.fieldprint.protocols.inventory.Asset;
import io.fieldprint.protocols.inventory.Inventory;
import io.fieldprint.protocols.inventory.InventoryFinding;
import io.fieldprint.protocols.inventory.InventorySource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One inventory from two that saw different devices (the demo's example capture and its loopback
 * plant): sources, assets, findings and warnings side by side, sorted as an inventory is. Two
 * inventories that name the same asset id are refused, since their evidence would have to be
 * merged, which only one {@code AssetMerger} over both inputs can do.
 */
public final class InventoryUnion {
  private InventoryUnion() {}

  /** The union; {@link IllegalArgumentException} when an asset id is in both. */
  public static Inventory of(Inventory first, Inventory second) {
    Set<String> ids = new HashSet<>();
    first.assets().forEach(a -> ids.add(a.id()));
    for (Asset a : second.assets()) {
      if (ids.contains(a.id())) {
        throw new IllegalArgumentException("asset " + a.id() + " is in both inventories");
      }
    }
    List<InventorySource> sources = concat(first.sources(), second.sources());
    List<Asset> assets = new ArrayList<>(concat(first.assets(), second.assets()));
    assets.sort(Comparator.comparing(Asset::id));
    List<InventoryFinding> findings = new ArrayList<>(concat(first.findings(), second.findings()));
    findings.sort(
        Comparator.comparing(InventoryFinding::assetId)
            .thenComparing(InventoryFinding::rule)
            .thenComparing(f -> f.detail() == null ? "" : f.detail()));
    List<Object> matches = concat(first.matches(), second.matches());
    List<DecodeWarning> warnings = concat(first.warnings(), second.warnings());
    return new Inventory(
        sources,
        assets,
        findings,
        matches,
        warnings,
        first.warningsOmitted() + second.warningsOmitted());
  }

  private static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
