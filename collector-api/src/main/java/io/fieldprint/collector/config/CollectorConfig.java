package io.fieldprint.collector.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The collector's whole configuration, validated by {@link ConfigReader} before anything starts.
 * Every key, with its default, is in {@code docs/reference/collector-config.md}.
 */
public record CollectorConfig(
    Listen listen,
    Optional<Tls> tls,
    Path dataDirectory,
    Storage storage,
    RequestLimits limits,
    Alerting alerting,
    AdvisorySync advisorySync,
    Silence silence) {

  /** A configuration without provider sync and with the default silence check. */
  public CollectorConfig(
      Listen listen,
      Optional<Tls> tls,
      Path dataDirectory,
      Storage storage,
      RequestLimits limits,
      Alerting alerting) {
    this(
        listen, tls, dataDirectory, storage, limits, alerting, AdvisorySync.NONE, Silence.DEFAULTS);
  }
}
