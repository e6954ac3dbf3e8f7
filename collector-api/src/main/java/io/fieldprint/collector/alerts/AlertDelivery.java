package io.fieldprint.collector.alerts;

import io.fieldprint.collector.config.Alerting;
import io.fieldprint.collector.config.Destination;
import io.fieldprint.collector.storage.CorrelationStore;
import io.fieldprint.collector.storage.CorrelationStore.OutboxItem;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery job: claims due outbox rows (each collector different ones), sends them, and marks
 * them delivered, retried after an exponential back-off, or dead after the destination's attempts.
 * Blocking; run it on a worker.
 */
public final class AlertDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(AlertDelivery.class);
  private static final Duration LEASE = Duration.ofMinutes(2);

  private final CorrelationStore store;
  private final Map<String, AlertSender> senders = new HashMap<>();
  private final Map<String, Integer> maxAttempts = new HashMap<>();
  private final Alerting settings;
  private final Clock clock;
  private final Consumer<String> outcomes;

  public AlertDelivery(CorrelationStore store, Alerting settings, String version, Clock clock) {
    this(store, settings, version, clock, outcome -> {});
  }

  /** {@code outcomes} hears {@code delivered}, {@code retry} or {@code dead} per attempt. */
  public AlertDelivery(
      CorrelationStore store,
      Alerting settings,
      String version,
      Clock clock,
      Consumer<String> outcomes) {
    this.outcomes = outcomes;
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    for (Destination d : settings.destinations()) {
      maxAttempts.put(d.name(), d.maxAttempts());
      senders.put(
          d.name(),
          d instanceof Destination.Webhook w
              ? new WebhookSender(w)
              : new SyslogSender((Destination.Syslog) d, version));
    }
  }

  /** Sends what is due now; returns how many were delivered. */
  public int runOnce() throws InterruptedException {
    int delivered = 0;
    for (OutboxItem item : store.claimDeliveries(100, LEASE)) {
      AlertSender sender = senders.get(item.destination());
      try {
        if (sender == null) {
          throw new IOException("destination " + item.destination() + " is no longer configured");
        }
        sender.send(item.alert());
        store.delivered(item.id());
        outcomes.accept("delivered");
        delivered++;
      } catch (IOException | RuntimeException e) {
        failed(item, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      }
    }
    return delivered;
  }

  private void failed(OutboxItem item, String error) {
    int max = maxAttempts.getOrDefault(item.destination(), 1);
    if (item.attempts() >= max) {
      LOG.warn(
          "alert {} to {} is dead after {} attempts",
          item.alert().id(),
          item.destination(),
          item.attempts());
      store.deliveryFailed(item.id(), error, Optional.empty());
      outcomes.accept("dead");
      return;
    }
    outcomes.accept("retry");
    store.deliveryFailed(item.id(), error, Optional.of(clock.instant().plus(backoff(item))));
  }

  /** initial x 2^(attempts-1), capped. */
  Duration backoff(OutboxItem item) {
    long delay = settings.initialBackoffMillis();
    for (int i = 1; i < item.attempts() && delay < settings.maxBackoffMillis(); i++) {
      delay *= 2;
    }
    return Duration.ofMillis(Math.min(delay, settings.maxBackoffMillis()));
  }
}
