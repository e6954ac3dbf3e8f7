package io.fieldprint.collector;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background job on its own worker thread, never an event loop: a first round when it starts,
 * then one every interval. A round that is still running when the timer fires is not started twice;
 * a failed round is logged and the next one runs as planned.
 */
final class PeriodicJob {
  private static final Logger LOG = LoggerFactory.getLogger(PeriodicJob.class);

  private final Vertx vertx;
  private final String name;
  private final Runnable round;
  private final WorkerExecutor worker;
  private final AtomicBoolean busy = new AtomicBoolean();
  private final long timer;
  private volatile Future<Void> inFlight;

  /**
   * Longest a round may run before Vert.x reports its thread as blocked. A round works until its
   * job is done (correlating 100,000 new devices takes minutes), which is what a job thread is for;
   * the default of 60 s would log a stack trace every second of such a round.
   */
  static final long LONGEST_ROUND_HOURS = 6;

  /** How long closing waits for a round in progress before the pools go. */
  private static final long CLOSE_WAIT_SECONDS = 30;

  /** Starts the job; {@code first} runs before the first round, on the same thread. */
  PeriodicJob(Vertx vertx, String name, long intervalMillis, Runnable first, Runnable round) {
    this.vertx = vertx;
    this.name = name;
    this.round = round;
    this.worker =
        vertx.createSharedWorkerExecutor(
            "fieldprint-" + name, 1, LONGEST_ROUND_HOURS, TimeUnit.HOURS);
    busy.set(true);
    inFlight =
        worker.executeBlocking(
            () -> {
              first.run();
              return null;
            },
            false);
    inFlight
        .onFailure(e -> LOG.warn("{}: start-up work failed: {}", name, e.toString()))
        .onComplete(r -> busy.set(false));
    this.timer = vertx.setPeriodic(intervalMillis, id -> round());
  }

  private void round() {
    if (!busy.compareAndSet(false, true)) {
      return;
    }
    inFlight =
        worker.executeBlocking(
            () -> {
              round.run();
              return null;
            },
            false);
    inFlight
        .onFailure(e -> LOG.warn("{}: round failed: {}", name, e.toString()))
        .onComplete(r -> busy.set(false));
  }

  /** Stops the timer, waits (bounded) for a round in progress, then closes the worker. */
  void close() {
    vertx.cancelTimer(timer);
    try {
      inFlight.toCompletionStage().toCompletableFuture().get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // the failed round was logged when it failed
    } catch (TimeoutException e) {
      LOG.warn("{}: closing without waiting longer for the round in progress", name);
    }
    worker.close().await();
  }
}
