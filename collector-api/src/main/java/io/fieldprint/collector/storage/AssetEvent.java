package io.fieldprint.collector.storage;

import java.time.Instant;
import java.util.Optional;

/** A change the collector noticed in a site's assets. */
public record AssetEvent(
    String kind,
    Optional<String> oldValue,
    Optional<String> newValue,
    String agentId,
    String reportId,
    Instant at) {
  public static final String NEW_DEVICE = "new_device";
  public static final String FIRMWARE_CHANGED = "firmware_changed";
}
