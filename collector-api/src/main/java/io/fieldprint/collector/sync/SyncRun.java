package io.fieldprint.collector.sync;

import java.time.Instant;
import java.util.List;

/**
 * One provider's part of one sync round, as recorded in {@code advisory_sync_runs}.
 *
 * @param runner the collector that ran it ({@code host/start id})
 * @param errors provider-level problems (metadata, listing, keys, budget), one line each
 * @param rejections the first {@link SyncRuns#MAX_REJECTIONS} rejected documents
 */
public record SyncRun(
    long id,
    String provider,
    String runner,
    Instant startedAt,
    Instant finishedAt,
    int listed,
    int fetched,
    int added,
    int changed,
    int unchanged,
    int rejected,
    List<String> errors,
    List<Rejection> rejections) {

  public SyncRun {
    errors = List.copyOf(errors);
    rejections = List.copyOf(rejections);
  }

  /** A listed document that was not accepted, and why. */
  public record Rejection(String url, String reason) {}
}
