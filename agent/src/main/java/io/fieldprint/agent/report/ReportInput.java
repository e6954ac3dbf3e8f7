package io.fieldprint.agent.report;

import io.fieldprint.protocols.inventory.Inventory;
import java.time.Instant;
import java.util.List;

/**
 * Everything one report shows.
 *
 * @param site the site name for the title, or {@code null}
 * @param generatedAt when the report was made
 * @param generator program and version ({@code fieldprint 0.1.0})
 * @param inventoryFile the inventory file as the user named it
 * @param inventory the inventory
 * @param matches the advisory matches shown (already filtered by confidence)
 * @param advisories where the matches came from, one line
 * @param minConfidence the lowest confidence shown ({@code possible}, ...)
 * @param audit the scan audit log, or {@code null} when none was given
 */
public record ReportInput(
    String site,
    Instant generatedAt,
    String generator,
    String inventoryFile,
    Inventory inventory,
    List<ReportMatch> matches,
    String advisories,
    String minConfidence,
    AuditTrail audit) {

  public ReportInput {
    matches = List.copyOf(matches);
  }
}
