package io.fieldprint.collector;

import io.fieldprint.collector.alerts.AlertDelivery;
import io.fieldprint.collector.config.AdvisorySync;
import io.fieldprint.collector.config.Alerting;
import io.fieldprint.collector.correlation.AdvisoryImporter;
import io.fieldprint.collector.correlation.Correlator;
import io.fieldprint.collector.http.CollectorMetrics;
import io.fieldprint.collector.sync.AdvisorySyncJob;
import io.fieldprint.collector.sync.JobLock;
import io.fieldprint.collector.sync.JobLock.Job;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's background work: the start-up import of the advisory directory, then correlation
 * and alert delivery every {@code correlation.intervalMillis}; and, with providers configured, the
 * advisory sync on its own thread, at start-up and every {@code advisories.syncInterval}. Every
 * round runs under its {@link JobLock}, so collectors sharing one PostgreSQL run each job once.
 */
final class BackgroundJobs {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);

  private final CollectorMetrics metrics;
  private final JobLock lock;
  private final PeriodicJob correlation;
  private final Optional<PeriodicJob> sync;

  BackgroundJobs(
      Vertx vertx,
      Alerting settings,
      AdvisorySync syncSettings,
      AdvisoryImporter importer,
      Correlator correlator,
      AlertDelivery delivery,
      Optional<AdvisorySyncJob> syncJob,
      JobLock lock,
      CollectorMetrics metrics) {
    this.metrics = metrics;
    this.lock = lock;
    this.correlation =
        new PeriodicJob(
            vertx,
            "jobs",
            settings.correlationIntervalMillis(),
            () -> importDirectory(settings, importer),
            () -> {
              locked(Job.CORRELATION, () -> correlate(correlator));
              locked(Job.ALERT_DELIVERY, () -> deliver(delivery));
            });
    this.sync =
        syncJob.map(
            job ->
                new PeriodicJob(
                    vertx,
                    "advisory-sync",
                    syncSettings.interval().toMillis(),
                    () -> locked(Job.ADVISORY_SYNC, () -> sync(job)),
                    () -> locked(Job.ADVISORY_SYNC, () -> sync(job))));
  }

  private void locked(Job job, Runnable round) {
    boolean ran = lock.runAlone(job, round);
    metrics.jobRound(job.name().toLowerCase(java.util.Locale.ROOT), ran);
  }

  private static void importDirectory(Alerting settings, AdvisoryImporter importer) {
    if (settings.advisoryDirectory().isEmpty()) {
      return;
    }
    try {
      var outcomes =
          importer.importDirectory(
              settings.advisoryDirectory().get(), 1_000_000, "system:advisory-directory");
      long rejected = outcomes.stream().filter(o -> o.result().equals("rejected")).count();
      LOG.info("advisory directory: {} documents read, {} rejected", outcomes.size(), rejected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void correlate(Correlator correlator) {
    var run = correlator.runUntilIdle();
    metrics.correlated(run.assets(), run.alerts());
    if (run.assets() > 0) {
      LOG.info(
          "correlated {} assets: {} matches added, {} removed, {} alerts",
          run.assets(),
          run.added(),
          run.removed(),
          run.alerts());
    }
  }

  private static void deliver(AlertDelivery delivery) {
    try {
      delivery.runOnce();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sync(AdvisorySyncJob job) {
    for (var r : job.runOnce()) {
      LOG.info(
          "advisory sync {}: {} listed, {} fetched, {} new, {} changed, {} rejected, {} errors",
          r.provider(),
          r.listed(),
          r.fetched(),
          r.added(),
          r.changed(),
          r.rejected().size(),
          r.errors().size());
      r.errors().forEach(e -> LOG.warn("advisory sync {}: {}", r.provider(), e));
    }
  }

  void close() {
    sync.ifPresent(PeriodicJob::close);
    correlation.close();
  }
}
