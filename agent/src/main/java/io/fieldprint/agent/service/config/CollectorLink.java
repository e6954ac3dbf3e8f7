package io.fieldprint.agent.service.config;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how the agent delivers its reports.
 *
 * @param url base URL of the collector, e.g. {@code https://collector:8443}
 * @param token the agent token ({@code fpa_...}), read from the configured token file
 * @param retryBase wait after the first failed delivery; doubles per failure
 * @param retryMax cap of the wait between delivery attempts
 * @param requestTimeout time one delivery attempt may take
 * @param caCertificate PEM certificate(s) to trust for an https collector instead of the JVM's
 *     trust store (a plant's own CA or a self-signed collector certificate)
 */
public record CollectorLink(
    URI url,
    String token,
    Duration retryBase,
    Duration retryMax,
    Duration requestTimeout,
    java.util.Optional<java.nio.file.Path> caCertificate) {

  public static final Duration DEFAULT_RETRY_BASE = Duration.ofSeconds(1);
  public static final Duration DEFAULT_RETRY_MAX = Duration.ofMinutes(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** The token masked: its prefix and length only. */
  @Override
  public String toString() {
    String prefix = token.length() > 4 ? token.substring(0, 4) : "";
    return url
        + " (token "
        + prefix
        + "*** ("
        + token.length()
        + " chars), retry "
        + DurationText.format(retryBase)
        + ".."
        + DurationText.format(retryMax)
        + caCertificate.map(c -> ", trusting " + c).orElse("")
        + ")";
  }
}
