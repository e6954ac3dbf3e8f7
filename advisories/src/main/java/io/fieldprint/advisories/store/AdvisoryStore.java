package io.fieldprint.advisories.store;

import io.fieldprint.advisories.prioritise.EpssScore;
import io.fieldprint.advisories.prioritise.EpssScores;
import io.fieldprint.advisories.prioritise.KevCatalog;
import io.fieldprint.advisories.prioritise.KevEntry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where advisories are kept: the current good version of each CSAF document (identified by
 * publisher namespace and tracking id), the documents that were rejected and why, and the KEV and
 * EPSS tables used to prioritise matches. Every change to the advisories takes the next value of
 * one change sequence, so a consumer can ask what changed since the value it last saw.
 *
 * <p>Implementations: {@link SqliteAdvisoryStore} (the command line); the collector implements it
 * on PostgreSQL. Nothing here depends on a particular SQL dialect. Implementations are safe for use
 * by several threads.
 */
public interface AdvisoryStore extends AutoCloseable {

  /**
   * Stores the documents in one transaction, each compared with the stored version of the same
   * advisory: new or newer replaces, the same version is unchanged, older is ignored with a reason.
   *
   * @return one result per submission, in order
   */
  List<PutResult> putAll(List<AdvisorySubmission> submissions);

  /** Stores one document; see {@link #putAll}. */
  default PutResult put(AdvisorySubmission submission) {
    return putAll(List.of(submission)).get(0);
  }

  /** Records documents that could not be used; stored advisories are left as they are. */
  void recordRejections(List<Rejection.New> rejections);

  /** The current version of an advisory by tracking id (the most recently changed, if shared). */
  Optional<StoredAdvisory> get(String trackingId);

  /** Summaries of all current advisories, sorted by tracking id. */
  List<AdvisorySummary> list();

  /** Calls {@code consumer} with every current advisory, in tracking id order. */
  void forEachCurrent(Consumer<StoredAdvisory> consumer);

  /** The advisories whose change sequence is above {@code sequence}, in sequence order. */
  List<StoredAdvisory> changedSince(long sequence);

  /** The last change sequence value given out (0 for an empty store). */
  long sequence();

  /** The most recent rejections, newest first, at most {@code limit}. */
  List<Rejection> rejections(int limit);

  /** Replaces the KEV table with a catalog. */
  void replaceKev(KevCatalog catalog);

  /** Replaces the EPSS table with a score file. */
  void replaceEpss(EpssScores scores);

  /** The KEV entries of those CVEs that are in the catalog. */
  Map<String, KevEntry> kev(Collection<String> cves);

  /** The EPSS scores of those CVEs that have one. */
  Map<String, EpssScore> epss(Collection<String> cves);

  /** What was loaded for a feed ({@code kev} or {@code epss}), if anything. */
  Optional<FeedRelease> feed(String name);

  @Override
  void close();
}
