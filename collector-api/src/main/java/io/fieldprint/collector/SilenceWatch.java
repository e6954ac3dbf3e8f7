package io.fieldprint.collector;

import io.fieldprint.collector.config.Silence;
import io.fieldprint.collector.storage.CollectorStore;
import io.fieldprint.collector.storage.SilenceRun;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the silence check every {@link Silence#checkInterval()} on its own worker thread: assets no
 * report named for {@link Silence#threshold()} get one {@code gone_silent} event. A check still
 * running when the timer fires again is not started twice; collectors sharing one PostgreSQL skip
 * the check while another runs it.
 */
final class SilenceWatch {
  private static final Logger LOG = LoggerFactory.getLogger(SilenceWatch.class);

  private final Vertx vertx;
  private final WorkerExecutor worker;
  private final AtomicBoolean busy = new AtomicBoolean();
  private final long timer;

  SilenceWatch(Vertx vertx, CollectorStore store, Silence settings) {
    this.vertx = vertx;
    this.worker = vertx.createSharedWorkerExecutor("fieldprint-silence", 1);
    this.timer =
        vertx.setPeriodic(settings.checkInterval().toMillis(), id -> check(store, settings));
  }

  private void check(CollectorStore store, Silence settings) {
    if (!busy.compareAndSet(false, true)) {
      return;
    }
    worker
        .executeBlocking(() -> store.recordSilence(settings.threshold()), false)
        .onComplete(r -> busy.set(false))
        .onSuccess(
            (SilenceRun run) -> {
              if (run.goneSilent() > 0) {
                LOG.info(
                    "{} assets gone silent (no report for {})",
                    run.goneSilent(),
                    settings.threshold());
              }
            })
        .onFailure(e -> LOG.warn("silence check failed: {}", e.toString()));
  }

  void close() {
    vertx.cancelTimer(timer);
    worker.close().await();
  }
}
