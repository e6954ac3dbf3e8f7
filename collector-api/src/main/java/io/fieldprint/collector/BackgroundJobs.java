package io.fieldprint.collector;

import io.fieldprint.collector.alerts.AlertDelivery;
import io.fieldprint.collector.config.Alerting;
import io.fieldprint.collector.correlation.AdvisoryImporter;
import io.fieldprint.collector.correlation.Correlator;
import io.fieldprint.collector.http.CollectorMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's background work on its own worker thread, never an event loop: the start-up
 * import of the advisory directory, then correlation and alert delivery every interval. A round
 * that is still running when the timer fires again is not started twice.
 */
final class BackgroundJobs {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);

  private final Vertx vertx;
  private final WorkerExecutor worker;
  private final AtomicBoolean busy = new AtomicBoolean();
  private final long timer;

  BackgroundJobs(
      Vertx vertx,
      Alerting settings,
      AdvisoryImporter importer,
      Correlator correlator,
      AlertDelivery delivery,
      CollectorMetrics metrics) {
    this.vertx = vertx;
    this.worker = vertx.createSharedWorkerExecutor("fieldprint-jobs", 1);
    busy.set(true);
    worker
        .executeBlocking(
            () -> {
              if (settings.advisoryDirectory().isPresent()) {
                var outcomes =
                    importer.importDirectory(
                        settings.advisoryDirectory().get(), 1_000_000, "system:advisory-directory");
                long rejected =
                    outcomes.stream().filter(o -> o.result().equals("rejected")).count();
                LOG.info(
                    "advisory directory: {} documents read, {} rejected",
                    outcomes.size(),
                    rejected);
              }
              return null;
            },
            false)
        .onComplete(r -> busy.set(false))
        .onFailure(e -> LOG.warn("advisory directory import failed: {}", e.toString()));
    this.timer =
        vertx.setPeriodic(
            settings.correlationIntervalMillis(), id -> round(correlator, delivery, metrics));
  }

  private void round(Correlator correlator, AlertDelivery delivery, CollectorMetrics metrics) {
    if (!busy.compareAndSet(false, true)) {
      return;
    }
    worker
        .executeBlocking(
            () -> {
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
              delivery.runOnce();
              return null;
            },
            false)
        .onComplete(r -> busy.set(false))
        .onFailure(e -> LOG.warn("background round failed: {}", e.toString()));
  }

  void close() {
    vertx.cancelTimer(timer);
    worker.close().await();
  }
}
