package io.fieldprint.advisories.store;

import java.time.Instant;

/**
 * What was loaded for a prioritisation feed.
 *
 * @param feed {@code kev} or {@code epss}
 * @param version the catalog version (KEV) or model version (EPSS)
 * @param released when the publisher released it (KEV dateReleased, EPSS score_date), or empty
 * @param entries how many rows were loaded
 * @param loadedAt when it was loaded
 */
public record FeedRelease(
    String feed, String version, String released, long entries, Instant loadedAt) {}
