package io.fieldprint.agent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReportTimerTest {
  private static final Instant LAUNCH = Instant.parse("2026-11-23T12:00:00Z");
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  /** Timers that fire only when the test says so. */
  private static final class ManualTimers implements ContextTimers {
    final Map<Long, Runnable> pending = new LinkedHashMap<>();
    final List<Duration> onceDelays = new ArrayList<>();
    final List<Duration> periods = new ArrayList<>();
    private long next;

    @Override
    public long once(Duration delay, Runnable action) {
      onceDelays.add(delay);
      pending.put(++next, action);
      return next;
    }

    @Override
    public long every(Duration period, Runnable action) {
      periods.add(period);
      pending.put(++next, action);
      return next;
    }

    @Override
    public void cancel(long id) {
      pending.remove(id);
    }

    void fire(long id) {
      pending.get(id).run();
    }
  }

  @Test
  void theFirstReportIsDueOneAndAHalfSecondsAfterTheProcessStartedNotAfterTheServiceStarted() {
    // the service took 700 ms to start: 800 ms are left of the 1.5 s
    assertEquals(
        Duration.ofMillis(800),
        ReportTimer.firstReportDelay(LAUNCH, LAUNCH.plusMillis(700), FIVE_MINUTES));
  }

  @Test
  void aSlowStartStillLeavesTheCapturesHalfASecondBeforeTheFirstReport() {
    assertEquals(
        AgentService.FIRST_REPORT_SOONEST,
        ReportTimer.firstReportDelay(LAUNCH, LAUNCH.plusSeconds(9), FIVE_MINUTES));
    assertEquals(
        AgentService.FIRST_REPORT_SOONEST,
        ReportTimer.firstReportDelay(LAUNCH, LAUNCH.plusMillis(1200), FIVE_MINUTES));
  }

  @Test
  void aReportIntervalShorterThanTheEarlyDelayBoundsTheFirstReport() {
    assertEquals(
        Duration.ofSeconds(1),
        ReportTimer.firstReportDelay(LAUNCH, LAUNCH.plusMillis(100), Duration.ofSeconds(1)));
  }

  @Test
  void afterTheEarlyFirstReportTheOthersComeEveryIntervalAndTheScanPassAddsNone() {
    ManualTimers timers = new ManualTimers();
    AtomicInteger reports = new AtomicInteger();
    ReportTimer timer = new ReportTimer(timers, FIVE_MINUTES, reports::incrementAndGet);
    timer.start(Duration.ofMillis(1300));
    assertEquals(List.of(Duration.ofMillis(1300)), timers.onceDelays);
    assertEquals(0, reports.get(), "nothing before the first timer fires");

    timers.fire(1);
    assertEquals(1, reports.get());
    assertEquals(List.of(FIVE_MINUTES), timers.periods, "then one report per interval");

    timer.scanPassDone();
    assertEquals(1, reports.get(), "a scan pass ending later adds no report");
    timers.fire(2);
    timers.fire(2);
    assertEquals(3, reports.get());
  }

  @Test
  void aFirstScanPassEndingBeforeTheTimerTakesTheFirstReportOnce() {
    ManualTimers timers = new ManualTimers();
    AtomicInteger reports = new AtomicInteger();
    ReportTimer timer = new ReportTimer(timers, FIVE_MINUTES, reports::incrementAndGet);
    timer.start(Duration.ofMillis(1300));

    timer.scanPassDone();
    assertEquals(1, reports.get());
    assertEquals(List.of(2L), List.copyOf(timers.pending.keySet()), "the early timer is cancelled");
    timer.scanPassDone();
    assertEquals(1, reports.get(), "only one early report");
  }

  @Test
  void stoppedTheTimerTakesNoMoreReports() {
    ManualTimers timers = new ManualTimers();
    AtomicInteger reports = new AtomicInteger();
    ReportTimer timer = new ReportTimer(timers, FIVE_MINUTES, reports::incrementAndGet);
    timer.start(Duration.ofMillis(1300));
    timer.stop();
    timer.scanPassDone();
    assertEquals(0, reports.get());
    assertEquals(Map.of(), timers.pending);
  }
}
