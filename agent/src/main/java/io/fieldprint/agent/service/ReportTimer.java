package io.fieldprint.agent.service;

import java.time.Duration;
import java.time.Instant;

/**
 * When reports are taken: the first one early, then one every report interval. The first is due
 * {@link AgentService#FIRST_REPORT_AFTER} after the <em>process</em> started (the JVM's start, so
 * the service's own start-up counts against it), but no sooner than {@link
 * AgentService#FIRST_REPORT_SOONEST} after the service started (so it carries what the captures saw
 * in that time), nor later than one report interval; it is taken at once when the first scan pass
 * ends before that. Only one early report is ever taken, so a fast scan cannot flood the outbox or
 * the collector. Every method runs on the agent's event-loop context.
 */
final class ReportTimer {
  private final ContextTimers timers;
  private final Duration interval;
  private final Runnable report;
  private long firstTimer = -1;
  private long periodic = -1;
  private boolean firstDone;
  private boolean stopped;

  ReportTimer(ContextTimers timers, Duration interval, Runnable report) {
    this.timers = timers;
    this.interval = interval;
    this.report = report;
  }

  /**
   * How long after {@code now} (the service's start) the first report is due, for a process that
   * started at {@code processStart}.
   */
  static Duration firstReportDelay(Instant processStart, Instant now, Duration interval) {
    Duration due = Duration.between(now, processStart.plus(AgentService.FIRST_REPORT_AFTER));
    Duration delay =
        due.compareTo(AgentService.FIRST_REPORT_SOONEST) < 0
            ? AgentService.FIRST_REPORT_SOONEST
            : due;
    return delay.compareTo(interval) > 0 ? interval : delay;
  }

  /** Arms the early first report, {@code delay} from now. */
  void start(Duration delay) {
    firstTimer = timers.once(delay, this::first);
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
    timers.cancel(firstTimer);
    report.run();
    periodic = timers.every(interval, report);
  }

  void stop() {
    stopped = true;
    timers.cancel(firstTimer);
    if (periodic >= 0) {
      timers.cancel(periodic);
    }
  }
}
