package io.fieldprint.agent.service.config;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how the agent delivers its reports.
 *
 * @param url base URL of the collector, e.g. {@code https://collector:8443}
 * @param token the agent token ({@code fpa_...}), read from the configured token file; absent when
 *     the agent authenticates by its client certificate
 * @param retryBase wait after the first failed delivery; doubles per failure
 * @param retryMax cap of the wait between delivery attempts
 * @param requestTimeout time one delivery attempt may take
 * @param caCertificate PEM certificate(s) to trust for an https collector instead of the JVM's
 *     trust store (a plant's own CA or a self-signed collector certificate)
 * @param clientCertificate the agent's TLS client certificate and key, for a collector with {@code
 *     tls.clientCa}
 */
public record CollectorLink(
    URI url,
    java.util.Optional<String> token,
    Duration retryBase,
    Duration retryMax,
    Duration requestTimeout,
    java.util.Optional<java.nio.file.Path> caCertificate,
    java.util.Optional<ClientCertificate> clientCertificate) {

  public static final Duration DEFAULT_RETRY_BASE = Duration.ofSeconds(1);
  public static final Duration DEFAULT_RETRY_MAX = Duration.ofMinutes(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /**
   * A PEM client certificate (chain, the agent's certificate first) and its PEM private key (PKCS#8
   * or PKCS#1).
   */
  public record ClientCertificate(java.nio.file.Path certificate, java.nio.file.Path key) {}

  /** The token masked: its prefix and length only. */
  @Override
  public String toString() {
    String credentials =
        token
            .map(
                t ->
                    "token "
                        + (t.length() > 4 ? t.substring(0, 4) : "")
                        + "*** ("
                        + t.length()
                        + " chars)")
            .orElse("no token");
    return url
        + " ("
        + credentials
        + clientCertificate.map(c -> ", client certificate " + c.certificate()).orElse("")
        + ", retry "
        + DurationText.format(retryBase)
        + ".."
        + DurationText.format(retryMax)
        + caCertificate.map(c -> ", trusting " + c).orElse("")
        + ")";
  }
}
