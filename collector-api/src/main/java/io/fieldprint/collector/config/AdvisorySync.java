package io.fieldprint.collector.config;

import io.fieldprint.advisories.sync.ProviderConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The collector's CSAF provider sync ({@code advisories.providers} and the keys beside it).
 *
 * @param providers the providers to follow; none means no sync job
 * @param schemaDirectory the OASIS CSAF 2.0 folder whose JSON schemas every synced document must
 *     pass, when set
 * @param interval how often a sync round starts (the first at start-up)
 * @param requestGap polite gap between two requests to one provider host
 * @param maxDocumentsPerRun documents fetched per provider and round; the rest wait for the next
 */
public record AdvisorySync(
    List<ProviderConfig> providers,
    Optional<Path> schemaDirectory,
    Duration interval,
    Duration requestGap,
    int maxDocumentsPerRun) {

  public static final Duration DEFAULT_INTERVAL = Duration.ofHours(6);
  public static final Duration DEFAULT_REQUEST_GAP = Duration.ofMillis(200);
  public static final int DEFAULT_MAX_DOCUMENTS = 5_000;

  /** No providers: no sync. */
  public static final AdvisorySync NONE =
      new AdvisorySync(
          List.of(),
          Optional.empty(),
          DEFAULT_INTERVAL,
          DEFAULT_REQUEST_GAP,
          DEFAULT_MAX_DOCUMENTS);

  public AdvisorySync {
    providers = List.copyOf(providers);
    if (interval.compareTo(Duration.ofSeconds(1)) < 0
        || interval.compareTo(Duration.ofDays(30)) > 0) {
      throw new IllegalArgumentException("the sync interval must be between 1s and 30d");
    }
    if (requestGap.isNegative() || maxDocumentsPerRun < 1) {
      throw new IllegalArgumentException("request gap and documents per run must be positive");
    }
  }

  public boolean enabled() {
    return !providers.isEmpty();
  }
}
