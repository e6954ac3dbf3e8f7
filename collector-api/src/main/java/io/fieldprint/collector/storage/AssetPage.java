package io.fieldprint.collector.storage;

import java.util.List;

/** One page of a listing and the total number of matching assets. */
public record AssetPage(List<StoredAsset> items, long total, int limit, int offset) {}
