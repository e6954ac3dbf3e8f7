package io.fieldprint.collector.storage;

import io.fieldprint.collector.auth.Principal;
import java.util.List;
import java.util.Optional;

/**
 * Everything the collector keeps. Blocking: call it from a worker thread, never an event loop. One
 * implementation ({@link JdbcCollectorStore}) serves SQLite and PostgreSQL; the contract tests run
 * against both.
 */
public interface CollectorStore {
  CreateResult createSite(Site site, String actor);

  Optional<Site> site(String id);

  /** Every site, ordered by id. */
  List<Site> sites();

  CreateResult createAgent(NewAgent agent, String actor);

  /** The agents of a site, ordered by name. */
  List<AgentInfo> agents(String siteId);

  CreateResult createUser(NewUser user, String actor);

  boolean hasUsers();

  /** The agent or user holding the token whose SHA-256 is {@code tokenHash}. */
  Optional<Principal> principalByTokenHash(String tokenHash);

  /** Merges a report into its site once; a report id seen before from the agent changes nothing. */
  IngestOutcome ingest(IncomingReport report);

  AssetPage assets(String siteId, AssetQuery query);

  Optional<AssetDetail> asset(String uid);

  /**
   * Records {@code gone_silent} once for every asset no report named for {@code threshold}; the
   * next report naming it records {@code seen_again}. With several collectors on one database only
   * one runs it at a time: the others return {@link SilenceRun#SKIPPED}.
   */
  SilenceRun recordSilence(java.time.Duration threshold);

  /** The newest audit entries first. */
  List<AuditEntry> audit(int limit);
}
