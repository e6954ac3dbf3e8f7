package io.fieldprint.agent.service;

import io.fieldprint.agent.service.config.AgentConfig;
import io.fieldprint.agent.service.config.ScanSettings;
import io.fieldprint.agent.service.inventory.LiveInventory;
import io.fieldprint.agent.service.scan.PassiveSightings;
import io.fieldprint.agent.service.scan.ScheduledScan;
import io.fieldprint.protocols.active.JsonLinesAuditLog;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scan pass at start and then every {@code scan.interval} on its own worker thread; a pass
 * still running when the next is due makes that one skipped. Every request sent or refused is
 * appended to {@code DATA/scan-audit.jsonl}.
 */
final class ScanSchedule {
  private static final Logger LOG = LoggerFactory.getLogger(ScanSchedule.class);

  /** Longest the stop waits for a running pass to return. */
  private static final Duration PASS_STOP = Duration.ofSeconds(3);

  private final Vertx vertx;
  private final ScanSettings settings;
  private final ScheduledScan scan;
  private final JsonLinesAuditLog audit;
  private final WorkerExecutor worker;
  private boolean running;
  private long timer = -1;

  /** Completes when the pass running now (if any) has returned, on the scan thread. */
  private volatile CompletableFuture<Void> passReturned = CompletableFuture.completedFuture(null);

  private Runnable firstPassDone = () -> {};

  ScanSchedule(
      Vertx vertx,
      ScanSettings settings,
      LiveInventory inventory,
      PassiveSightings sightings,
      AgentConfig config,
      InstantSource clock) {
    this.vertx = vertx;
    this.settings = settings;
    try {
      this.audit = JsonLinesAuditLog.open(config.dataDirectory().resolve("scan-audit.jsonl"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the scan audit log: " + e.getMessage(), e);
    }
    this.scan = new ScheduledScan(settings, inventory, sightings, audit, clock);
    this.worker = vertx.createSharedWorkerExecutor("fieldprint-scan", 1, 6, TimeUnit.HOURS);
  }

  /**
   * Starts the schedule; call on the event loop. {@code firstPassDone} runs on the event loop once,
   * when the first pass ends (done, stopped or failed).
   */
  void start(Runnable firstPassDone) {
    this.firstPassDone = firstPassDone;
    pass();
    timer = vertx.setPeriodic(settings.interval().toMillis(), id -> pass());
  }

  private void pass() {
    if (running) {
      LOG.warn("scan pass skipped: the previous one still runs");
      return;
    }
    running = true;
    CompletableFuture<Void> returned = new CompletableFuture<>();
    passReturned = returned;
    // unordered: an ordered task would share the event-loop context's one ordered queue with the
    // report cycle, and a scan pass of minutes would hold every report back until it ended
    worker
        .executeBlocking(
            () -> {
              try {
                scan.runPass();
              } finally {
                returned.complete(null);
              }
              return null;
            },
            false)
        .onComplete(
            ar -> {
              running = false;
              if (ar.failed()) {
                LOG.error("scan pass failed: {}", ar.cause().toString());
              }
              Runnable done = firstPassDone;
              firstPassDone = () -> {};
              done.run();
            });
  }

  long passes() {
    return scan.passes();
  }

  long waiting() {
    return scan.waiting();
  }

  /**
   * Ends the running pass at its next request and stops the schedule; waits up to {@link
   * #PASS_STOP} for the pass to return, so the answers still arriving for requests already sent are
   * written to the audit log before it closes. Call off the event loop.
   */
  void stop() {
    scan.stop();
    vertx.cancelTimer(timer);
    try {
      passReturned.get(PASS_STOP.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("the scan pass did not return within {} ms of the stop", PASS_STOP.toMillis());
    } catch (ExecutionException e) {
      LOG.warn("scan pass: {}", e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    worker.close();
    try {
      audit.close();
    } catch (IOException e) {
      LOG.error("scan audit log: {}", e.getMessage());
    }
  }
}
