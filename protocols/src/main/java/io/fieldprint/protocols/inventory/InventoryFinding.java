package io.fieldprint.protocols.inventory;

import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Severity;
import java.util.List;

/**
 * A posture finding attached to an asset of the inventory.
 *
 * @param assetId the {@link Asset#id()} it is about
 * @param rule stable rule id
 * @param severity severity
 * @param title one line
 * @param detail specifics
 * @param evidence what it rests on (the first occurrences; duplicates are counted in {@code
 *     occurrences})
 * @param occurrences how many times it was seen
 */
public record InventoryFinding(
    String assetId,
    String rule,
    Severity severity,
    String title,
    String detail,
    List<Evidence> evidence,
    int occurrences) {

  public InventoryFinding {
    evidence = List.copyOf(evidence);
  }
}
