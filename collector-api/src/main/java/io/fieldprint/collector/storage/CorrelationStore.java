package io.fieldprint.collector.storage;

import io.fieldprint.advisories.prioritise.KevCatalog;
import io.fieldprint.advisories.prioritise.KevEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Advisories, matches, triage, alerts and their delivery outbox. Blocking, like {@link
 * CollectorStore}; one JDBC implementation ({@link JdbcCorrelationStore}) for SQLite and
 * PostgreSQL, covered by the same contract tests.
 */
public interface CorrelationStore {

  /**
   * Stores an advisory unless the stored version is as new or newer (by current release date, then
   * version text). A new or revised advisory marks for re-correlation the assets whose vendor keys
   * it names and the assets that match its previous version.
   */
  AdvisoryPut putAdvisory(NewAdvisory advisory, String actor);

  /** Records a document that could not be used; the stored version, if any, stays current. */
  void rejectAdvisory(AdvisoryRejection rejection, String actor);

  /** The newest rejections first. */
  List<AdvisoryRejection> rejections(int limit);

  /** Current advisories without their documents, ordered by tracking id. */
  List<StoredAdvisory> advisories();

  /** The current version of each stored advisory, by tracking id. */
  Map<String, String> advisoryVersions();

  /** The raw JSON of the current version of an advisory. */
  Optional<String> advisoryJson(String trackingId);

  /**
   * Correlates up to {@code limit} assets due for correlation: matches them outside any write
   * transaction, then stores the differences and creates alerts with their outbox rows in one short
   * transaction, for the assets whose identity and the advisories they were matched against are
   * still current (the others stay due). Imports and reports do not wait for matching.
   */
  CorrelationRun correlateDue(int limit, AssetMatcher matcher, AlertRouter router);

  /** A site's matches ordered by asset then advisory, with triage. */
  List<StoredMatch> matches(String siteId, int limit, int offset);

  /** Replaces the stored KEV catalog with {@code catalog}; returns how many entries it holds. */
  int replaceKev(KevCatalog catalog, String actor);

  /** The CVE ids of the stored KEV catalog. */
  Set<String> kevCves();

  /** The entries of the stored KEV catalog, by CVE id. */
  List<KevEntry> kevEntries();

  /** An asset's matches with triage. */
  List<StoredMatch> assetMatches(String assetUid);

  /** The matches with triage of each of {@code assetUids}, by asset uid (absent: none). */
  Map<String, List<StoredMatch>> assetMatches(List<String> assetUids);

  /** Records a triage decision for a current match; false when there is no such match. */
  boolean triage(String assetUid, String advisoryId, TriageDecision decision, String actor);

  /** A site's alerts, newest first. */
  List<Alert> alerts(String siteId, int limit, int offset);

  Optional<Alert> alert(long id);

  /** Acknowledges an alert; false when it was already acknowledged. */
  boolean acknowledge(long alertId, String actor);

  /**
   * Claims due deliveries: each claimed row's next attempt moves {@code lease} ahead and its
   * attempt count grows, so no other collector takes it while this one sends.
   */
  List<OutboxItem> claimDeliveries(int limit, Duration lease);

  void delivered(long outboxId);

  /** A failed attempt: retried at {@code retryAt}, or dead when that is empty. */
  void deliveryFailed(long outboxId, String error, Optional<Instant> retryAt);

  /** Dead deliveries of the given sites (all sites when empty), newest first. */
  List<DeadLetter> deadLetters(Optional<String> siteId, int limit);

  /** How a put changed the stored advisory. */
  enum AdvisoryPut {
    NEW,
    REVISED,
    UNCHANGED,
    OLDER_IGNORED
  }

  /** Matches due assets against the current advisories (id to version). */
  @FunctionalInterface
  interface AssetMatcher {
    List<FoundMatch> match(StoredAsset asset, Map<String, String> advisoryVersions);

    /** The matches of each asset of a batch by uid; one asset after the other unless overridden. */
    default Map<String, List<FoundMatch>> matchAll(
        List<StoredAsset> assets, Map<String, String> advisoryVersions) {
      Map<String, List<FoundMatch>> out = new java.util.HashMap<>();
      for (StoredAsset a : assets) {
        out.put(a.uid(), match(a, advisoryVersions));
      }
      return out;
    }
  }

  /** The destinations an alert goes to. */
  @FunctionalInterface
  interface AlertRouter {
    List<String> destinations(Alert alert);

    /**
     * The destinations of an alert when the CVE ids of the KEV catalog are known; routers that do
     * not care about KEV ignore them.
     */
    default List<String> destinations(Alert alert, Set<String> kevCves) {
      return destinations(alert);
    }
  }

  /**
   * An advisory to store; {@code vendorKeys} are the canonical vendor keys its products name
   * ({@code AdvisoryIndex.vendorKeys}).
   */
  record NewAdvisory(
      String trackingId,
      String version,
      Optional<Instant> currentReleaseDate,
      String publisherNamespace,
      String title,
      Optional<String> tlp,
      String sha256,
      String rawJson,
      String source,
      java.util.Set<String> vendorKeys) {
    public NewAdvisory {
      vendorKeys = java.util.Set.copyOf(vendorKeys);
    }
  }

  /** A stored advisory's identity. */
  record StoredAdvisory(
      String trackingId,
      String version,
      Optional<Instant> currentReleaseDate,
      String title,
      Optional<String> tlp,
      Instant importedAt) {}

  /** A document that was refused, and why. */
  record AdvisoryRejection(
      Optional<String> trackingId, String source, String sha256, String reason, Instant at) {}

  /** A match the matcher found for an asset. */
  record FoundMatch(
      String advisoryId,
      String advisoryVersion,
      Confidence confidence,
      Optional<Double> cvss,
      Optional<String> tlp,
      String title,
      String explanationJson) {}

  /** Match confidence, weakest first. */
  enum Confidence {
    LOW,
    MEDIUM,
    HIGH;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Confidence fromWire(String s) {
      return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** A stored match with its triage decision. */
  record StoredMatch(
      String siteId,
      String assetUid,
      String advisoryId,
      String advisoryVersion,
      Confidence confidence,
      Optional<Double> cvss,
      Optional<String> tlp,
      String explanationJson,
      Instant firstMatchedAt,
      Instant updatedAt,
      Optional<TriageDecision> triage) {}

  /** An analysis decision; {@code justification} is a CSAF/VEX justification label. */
  record TriageDecision(
      String state,
      Optional<String> justification,
      Optional<String> note,
      String actor,
      Instant at) {}

  /** What one correlation transaction did. */
  record CorrelationRun(int assets, int added, int removed, int alerts) {
    public CorrelationRun plus(CorrelationRun other) {
      return new CorrelationRun(
          assets + other.assets,
          added + other.added,
          removed + other.removed,
          alerts + other.alerts);
    }
  }

  /** An alert about a new, upgraded or revised match. */
  record Alert(
      long id,
      String siteId,
      String assetUid,
      String advisoryId,
      String advisoryVersion,
      String kind,
      Confidence confidence,
      Optional<Double> cvss,
      Optional<String> tlp,
      String title,
      String matchJson,
      Instant createdAt,
      Optional<Instant> ackedAt,
      Optional<String> ackedBy) {}

  /** A claimed delivery; {@code attempts} counts this one. */
  record OutboxItem(long id, Alert alert, String destination, int attempts) {}

  /** A delivery that ran out of attempts. */
  record DeadLetter(
      long outboxId,
      long alertId,
      String siteId,
      String advisoryId,
      String destination,
      int attempts,
      String lastError) {}
}
