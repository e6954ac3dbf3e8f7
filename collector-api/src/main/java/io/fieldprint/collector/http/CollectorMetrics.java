package io.fieldprint.collector.http;

import io.fieldprint.collector.correlation.ReportActivity;
import io.fieldprint.collector.storage.IngestOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The collector's metrics in Prometheus text format: request durations per route and status,
 * reports by outcome and in flight, assets ingested, and the JVM's memory, GC and threads.
 */
public final class CollectorMetrics implements AutoCloseable, ReportActivity {
  /** How long after the last report the collector counts as quiet again. */
  static final Duration QUIET_AFTER = Duration.ofSeconds(1);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Counter applied;
  private final Counter duplicate;
  private final Counter rejected;
  private final Counter assets;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong lastReportDone =
      new AtomicLong(System.nanoTime() - QUIET_AFTER.toNanos());

  public CollectorMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    gc.bindTo(registry);
    applied = reports("applied");
    duplicate = reports("duplicate");
    rejected = reports("rejected");
    assets =
        Counter.builder("fieldprint.assets.ingested")
            .description("Assets merged from applied reports")
            .register(registry);
    Gauge.builder("fieldprint.reports.in.flight", inFlight, AtomicInteger::get)
        .description("Reports received and not answered yet")
        .register(registry);
  }

  private Counter reports(String outcome) {
    return Counter.builder("fieldprint.reports")
        .description("Reports received, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  void report(IngestOutcome o) {
    (o.applied() ? applied : duplicate).increment();
    assets.increment(o.assets());
  }

  void rejectedReport() {
    rejected.increment();
  }

  void reportStarted() {
    inFlight.incrementAndGet();
  }

  void reportDone() {
    lastReportDone.set(System.nanoTime());
    inFlight.decrementAndGet();
  }

  @Override
  public boolean inFlight() {
    return inFlight.get() > 0;
  }

  /**
   * Whether agents are reporting: a report is in flight or one was answered less than {@link
   * #QUIET_AFTER} ago. Background work that can wait (correlation) then leaves cores to them.
   */
  @Override
  public boolean arriving() {
    return inFlight() || System.nanoTime() - lastReportDone.get() < QUIET_AFTER.toNanos();
  }

  /** Counts one correlation run of the background job. */
  public void correlated(int assetsCorrelated, int alertsCreated) {
    Counter.builder("fieldprint.assets.correlated")
        .description("Assets matched against the current advisories")
        .register(registry)
        .increment(assetsCorrelated);
    Counter.builder("fieldprint.alerts.created")
        .description("Alerts created for new, upgraded or revised matches")
        .register(registry)
        .increment(alertsCreated);
  }

  /** Counts one delivery attempt by outcome: delivered, retry or dead. */
  public void delivery(String outcome) {
    Counter.builder("fieldprint.alert.deliveries")
        .description("Alert delivery attempts, by outcome")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /**
   * Counts one round of a background job: {@code ran}, or {@code skipped} because another collector
   * on the same database held the job's lock.
   */
  public void jobRound(String job, boolean ran) {
    Counter.builder("fieldprint.background.rounds")
        .description("Background job rounds, by job and outcome (ran or skipped)")
        .tag("job", job)
        .tag("outcome", ran ? "ran" : "skipped")
        .register(registry)
        .increment();
  }

  /** Times the request from here to the end of its response. */
  void timeRequest(RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addEndHandler(
        v -> {
          Route route = ctx.currentRoute();
          String path = route == null || route.getPath() == null ? "unmatched" : route.getPath();
          Timer.builder("fieldprint.http.requests")
              .description("HTTP requests by route and status")
              .tag("method", ctx.request().method().name())
              .tag("route", path)
              .tag("status", Integer.toString(ctx.response().getStatusCode()))
              .register(registry)
              .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        });
    ctx.next();
  }

  String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
