package io.fieldprint.agent.service;

import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * When reports are taken: the first one early (when the first scan pass completes or {@link
 * AgentService#FIRST_REPORT_AFTER} after the start, whichever comes first, and never later than one
 * report interval), then one every report interval. Only one early report is ever taken, so a fast
 * scan cannot flood the outbox. Every method runs on the agent's event-loop context.
 */
final class ReportTimer {
  private final Vertx vertx;
  private final Duration interval;
  private final Runnable report;
  private long firstTimer = -1;
  private long periodic = -1;
  private boolean firstDone;
  private boolean stopped;

  ReportTimer(Vertx vertx, Duration interval, Runnable report) {
    this.vertx = vertx;
    this.interval = interval;
    this.report = report;
  }

  /** Arms the early first report. */
  void start() {
    long first = Math.min(interval.toMillis(), AgentService.FIRST_REPORT_AFTER.toMillis());
    firstTimer = vertx.setTimer(first, id -> first());
  }

  /** The first scan pass is done: take the first report now unless it was taken already. */
  void scanPassDone() {
    first();
  }

  private void first() {
    if (firstDone || stopped) {
      return;
    }
    firstDone = true;
    vertx.cancelTimer(firstTimer);
    report.run();
    periodic = vertx.setPeriodic(interval.toMillis(), id -> report.run());
  }

  void stop() {
    stopped = true;
    vertx.cancelTimer(firstTimer);
    if (periodic >= 0) {
      vertx.cancelTimer(periodic);
    }
  }
}
