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

  /** No report named the asset for the silence threshold; recorded once until it is seen again. */
  public static final String GONE_SILENT = "gone_silent";

  /** A report named an asset that had gone silent. */
  public static final String SEEN_AGAIN = "seen_again";
}
