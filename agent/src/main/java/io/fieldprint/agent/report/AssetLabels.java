package io.fieldprint.agent.report;

import io.fieldprint.protocols.inventory.Asset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A short label per asset id for tables that refer to devices: id, name and first address. */
final class AssetLabels {
  private final Map<String, String> labels = new HashMap<>();
  private final int max;

  AssetLabels(List<Asset> assets, int max) {
    this.max = max;
    for (Asset a : assets) {
      if (a.id() == null) {
        continue;
      }
      StringBuilder sb = new StringBuilder(ShownValue.of(a.id(), max));
      if (a.name() != null) {
        sb.append(" ").append(ShownValue.of(a.name(), 60));
      }
      if (!a.ip().isEmpty()) {
        sb.append(" (").append(ShownValue.of(a.ip().get(0), 60)).append(')');
      }
      labels.putIfAbsent(a.id(), sb.toString());
    }
  }

  /** The label, or the id itself for an asset the inventory does not list. */
  String of(String assetId) {
    return labels.getOrDefault(assetId, ShownValue.of(assetId, max));
  }
}
