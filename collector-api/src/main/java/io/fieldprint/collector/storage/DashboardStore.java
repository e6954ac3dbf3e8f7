package io.fieldprint.collector.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Read-side aggregates for the dashboard: a site's overview, per-asset match and finding summaries,
 * firmware history and the assets an advisory affects. Computed by SQL (counts, groups, limits),
 * never by loading every asset. Blocking, like {@link CollectorStore}; one JDBC implementation
 * ({@link JdbcDashboardStore}) for SQLite and PostgreSQL.
 */
public interface DashboardStore {
  /** Most rows in the overview's vendor, finding and matched-device lists. */
  int OVERVIEW_TOP = 10;

  /** Most affected assets listed for one advisory. */
  int MAX_AFFECTED = 5000;

  /** Counts of a site's assets, open matches, findings and unacknowledged alerts. */
  SiteOverview overview(String siteId);

  /** Match and finding counts of the given assets of a site (those without either are absent). */
  Map<String, AssetSummary> summaries(String siteId, Collection<String> uids);

  /** The firmware an asset was first reported with and each change since, oldest first. */
  Optional<FirmwareHistory> firmwareHistory(String uid);

  /**
   * The assets matching an advisory in {@code sites} (every site when {@code allSites}), by site
   * then name, at most {@link #MAX_AFFECTED}.
   */
  List<AffectedAsset> affected(String advisoryId, boolean allSites, Set<String> sites);

  /**
   * A site's numbers. Matches triaged {@code not_affected} or {@code fixed} are not open and count
   * nowhere here; a device's severity is that of its highest-scored open match.
   */
  record SiteOverview(
      long assets,
      List<Count> byRole,
      List<Count> topVendors,
      long matchedDevices,
      long kevDevices,
      List<SeverityCount> bySeverity,
      List<MatchedDevice> topMatched,
      List<FindingCount> findingsBySeverity,
      List<RuleCount> topFindings,
      long openAlerts) {}

  /** How many assets share {@code key} (a role or vendor; vendor may be absent). */
  record Count(Optional<String> key, long count) {}

  /** Devices whose worst open match has this CVSS severity, and how many of them are on KEV. */
  record SeverityCount(String severity, long devices, long kevDevices) {}

  /** A device with open matches: how many, its highest CVSS score, whether one is on KEV. */
  record MatchedDevice(
      String uid,
      Optional<String> name,
      Optional<String> vendor,
      Optional<String> model,
      Optional<String> firmware,
      long advisories,
      Optional<Double> maxCvss,
      boolean kev) {}

  /** Findings of one severity and the devices they concern. */
  record FindingCount(String severity, long findings, long devices) {}

  /** A posture rule and the devices it flagged. */
  record RuleCount(String rule, String severity, String title, long devices) {}

  /** What the inventory table shows beside an asset. */
  record AssetSummary(
      long matches, long openMatches, Optional<Double> maxCvss, boolean kev, long findings) {}

  /** An asset's firmware over time. */
  record FirmwareHistory(String siteId, List<FirmwareChange> changes) {}

  /** One firmware seen: {@code from} is empty for the first report. */
  record FirmwareChange(
      Optional<String> from,
      Optional<String> firmware,
      String agentId,
      String reportId,
      Instant at) {}

  /** An asset an advisory matches, with the match's confidence, score and triage state. */
  record AffectedAsset(
      String uid,
      String siteId,
      Optional<String> name,
      Optional<String> vendor,
      Optional<String> model,
      Optional<String> firmware,
      String role,
      String confidence,
      Optional<Double> cvss,
      Optional<String> triageState) {}
}
