package io.fieldprint.agent.service.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * The agent's Prometheus metrics ({@code fieldprint_agent_*}) and the JVM's. Gauges read live
 * values the service keeps (outbox size is refreshed after each write or send).
 */
public final class AgentMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Counter reportsQueued;
  private final Counter reportsDroppedFull;

  public AgentMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    gc.bindTo(registry);
    reportsQueued =
        Counter.builder("fieldprint_agent_reports_queued")
            .description("Reports written to the outbox")
            .register(registry);
    reportsDroppedFull =
        Counter.builder("fieldprint_agent_reports_dropped")
            .description("Unsent reports dropped because the outbox reached outboxMaxBytes")
            .tag("reason", "outbox_full")
            .register(registry);
  }

  /** A gauge read from {@code state} at each scrape. */
  public <T> void gauge(String name, String help, T state, ToDoubleFunction<T> value) {
    Gauge.builder(name, state, value).description(help).register(registry);
  }

  /** A gauge with one tag. */
  public <T> void gauge(
      String name, String help, String tag, String tagValue, T state, ToDoubleFunction<T> value) {
    Gauge.builder(name, state, value).description(help).tag(tag, tagValue).register(registry);
  }

  /** A monotonic counter read from {@code state}. */
  public <T> void counter(String name, String help, T state, ToDoubleFunction<T> value) {
    FunctionCounter.builder(name, state, value).description(help).register(registry);
  }

  /** A monotonic counter read from {@code state}, with one tag. */
  public <T> void counter(
      String name, String help, String tag, String tagValue, T state, ToDoubleFunction<T> value) {
    FunctionCounter.builder(name, state, value)
        .description(help)
        .tag(tag, tagValue)
        .register(registry);
  }

  public void reportQueued(int droppedForRoom) {
    reportsQueued.increment();
    reportsDroppedFull.increment(droppedForRoom);
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
