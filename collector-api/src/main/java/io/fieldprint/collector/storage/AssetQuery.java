package io.fieldprint.collector.storage;

import java.util.Optional;

/** Filters and page of an asset listing (vendor compared case-insensitively). */
public record AssetQuery(Optional<String> vendor, Optional<String> role, int limit, int offset) {}
