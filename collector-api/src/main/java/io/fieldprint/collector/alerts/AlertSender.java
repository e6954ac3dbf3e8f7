package io.fieldprint.collector.alerts;

import io.fieldprint.collector.storage.CorrelationStore.Alert;
import java.io.IOException;

/** Sends one alert to one destination; blocking, bounded by timeouts; throws when not accepted. */
public interface AlertSender {
  void send(Alert alert) throws IOException, InterruptedException;
}
