package io.fieldprint.collector.storage;

import java.util.List;

/** An asset with its evidence, history and findings. */
public record AssetDetail(
    StoredAsset asset,
    List<StoredEvidence> evidence,
    List<AssetEvent> events,
    List<StoredFinding> findings) {}
