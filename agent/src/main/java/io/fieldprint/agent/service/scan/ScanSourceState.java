package io.fieldprint.agent.service.scan;

import io.fieldprint.protocols.inventory.InventorySource;
import java.time.Instant;

/**
 * The last scan of one target as an inventory source.
 *
 * @param uri the target
 * @param status ok, partial or failed
 * @param error the reason when not ok
 * @param responses answers received
 * @param bytes bytes received
 * @param at when the scan of this target ended
 * @param warnings decode warnings of the answers
 */
record ScanSourceState(
    String uri,
    String status,
    String error,
    long responses,
    long bytes,
    Instant at,
    long warnings) {

  InventorySource source() {
    return new InventorySource("scan", uri, status, error, responses, bytes, at, at, warnings);
  }
}
