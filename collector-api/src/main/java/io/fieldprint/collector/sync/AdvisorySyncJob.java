package io.fieldprint.collector.sync;

import io.fieldprint.advisories.sync.CsafProviderSync;
import io.fieldprint.advisories.sync.CsafSchemaCheck;
import io.fieldprint.advisories.sync.DocumentCheck;
import io.fieldprint.advisories.sync.ProviderConfig;
import io.fieldprint.advisories.sync.SyncLimits;
import io.fieldprint.advisories.sync.SyncReport;
import io.fieldprint.collector.config.AdvisorySync;
import io.fieldprint.collector.correlation.AdvisoryImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * One round of the advisory sync: every configured provider in turn through the advisories module's
 * {@link CsafProviderSync}, with the state kept in the database ({@link DatabaseSyncState}),
 * accepted documents imported ({@link ImportingSink}) and one {@link SyncRun} recorded per
 * provider. Blocking; run it on a worker, under the {@link JobLock.Job#ADVISORY_SYNC} lock.
 */
public final class AdvisorySyncJob {
  private final AdvisorySync settings;
  private final CsafProviderSync sync;
  private final DataSource dataSource;
  private final ImportingSink sink;
  private final SyncRuns runs;
  private final String runner;
  private final Clock clock;

  public AdvisorySyncJob(
      AdvisorySync settings,
      DataSource dataSource,
      AdvisoryImporter importer,
      String runner,
      Clock clock) {
    this.settings = settings;
    this.sync = new CsafProviderSync(limits(settings), check(settings));
    this.dataSource = dataSource;
    this.sink = new ImportingSink(importer);
    this.runs = new SyncRuns(dataSource);
    this.runner = runner;
    this.clock = clock;
  }

  /** Syncs every provider once and records the runs; returns one report per provider. */
  public List<SyncReport.ProviderReport> runOnce() {
    DatabaseSyncState state = DatabaseSyncState.load(dataSource);
    List<SyncReport.ProviderReport> reports = new ArrayList<>();
    for (ProviderConfig provider : settings.providers()) {
      Instant started = clock.instant();
      SyncReport.ProviderReport report = sync.sync(provider, state, sink);
      runs.record(report, runner, started, clock.instant());
      reports.add(report);
    }
    return reports;
  }

  private static SyncLimits limits(AdvisorySync settings) {
    return SyncLimits.defaults()
        .withMinRequestInterval(settings.requestGap())
        .withMaxDocumentsPerRun(settings.maxDocumentsPerRun());
  }

  private static DocumentCheck check(AdvisorySync settings) {
    if (settings.schemaDirectory().isEmpty()) {
      return DocumentCheck.none();
    }
    try {
      return CsafSchemaCheck.load(settings.schemaDirectory().get());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "CSAF schemas not loaded from " + settings.schemaDirectory().get(), e);
    }
  }
}
