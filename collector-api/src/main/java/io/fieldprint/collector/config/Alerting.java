package io.fieldprint.collector.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Advisories, correlation and alert delivery settings.
 *
 * @param advisoryDirectory CSAF files imported at start, if set
 * @param maxBatchDocuments most documents in one {@code POST /advisories}
 * @param correlationIntervalMillis how often the correlation and delivery jobs look for work
 * @param correlationBatch assets per correlation transaction
 * @param initialBackoffMillis first retry delay; doubled per attempt
 * @param maxBackoffMillis longest retry delay
 * @param kevFile the KEV catalog read from {@code advisories.kevFile}, stored at start
 */
public record Alerting(
    Optional<Path> advisoryDirectory,
    int maxBatchDocuments,
    long correlationIntervalMillis,
    int correlationBatch,
    long initialBackoffMillis,
    long maxBackoffMillis,
    List<Destination> destinations,
    List<AlertRoute> routes,
    Optional<KevFile> kevFile) {
  public static final Alerting DEFAULTS =
      new Alerting(Optional.empty(), 1000, 2000, 200, 1000, 600_000, List.of(), List.of());

  /** Settings without a KEV file. */
  public Alerting(
      Optional<Path> advisoryDirectory,
      int maxBatchDocuments,
      long correlationIntervalMillis,
      int correlationBatch,
      long initialBackoffMillis,
      long maxBackoffMillis,
      List<Destination> destinations,
      List<AlertRoute> routes) {
    this(
        advisoryDirectory,
        maxBatchDocuments,
        correlationIntervalMillis,
        correlationBatch,
        initialBackoffMillis,
        maxBackoffMillis,
        destinations,
        routes,
        Optional.empty());
  }

  public Alerting {
    destinations = List.copyOf(destinations);
    routes = List.copyOf(routes);
  }
}
