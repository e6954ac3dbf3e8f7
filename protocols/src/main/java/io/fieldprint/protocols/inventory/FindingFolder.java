package io.fieldprint.protocols.inventory;

import io.fieldprint.protocols.model.Evidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds findings that say the same thing about the same asset (same rule and detail, possibly
 * reported under different addresses of the asset) into one, counting occurrences.
 */
final class FindingFolder {
  private static final Comparator<InventoryFinding> ORDER =
      Comparator.comparing(InventoryFinding::assetId)
          .thenComparing(InventoryFinding::rule)
          .thenComparing(
              InventoryFinding::detail, Comparator.nullsFirst(Comparator.naturalOrder()));

  private FindingFolder() {}

  static List<InventoryFinding> fold(List<InventoryFinding> findings, int maxEvidence) {
    Map<List<String>, InventoryFinding> folded = new LinkedHashMap<>();
    for (InventoryFinding f : findings) {
      List<String> key = java.util.Arrays.asList(f.assetId(), f.rule(), f.detail());
      folded.merge(key, f, (a, b) -> combine(a, b, maxEvidence));
    }
    List<InventoryFinding> out = new ArrayList<>(folded.values());
    out.sort(ORDER);
    return out;
  }

  private static InventoryFinding combine(InventoryFinding a, InventoryFinding b, int max) {
    List<Evidence> evidence = new ArrayList<>(a.evidence());
    for (Evidence e : b.evidence()) {
      if (evidence.size() < max) {
        evidence.add(e);
      }
    }
    return new InventoryFinding(
        a.assetId(),
        a.rule(),
        a.severity(),
        a.title(),
        a.detail(),
        evidence,
        a.occurrences() + b.occurrences());
  }
}
