package io.fieldprint.collector.config;

import java.net.URI;
import java.util.Set;

/** Where alerts go: a webhook or a syslog receiver. {@code allowTlp} lists AMBER/RED if allowed. */
public sealed interface Destination {
  String name();

  int maxAttempts();

  Set<String> allowTlp();

  /** POSTs alert JSON signed with HMAC-SHA256 of the body under {@code secret}. */
  record Webhook(String name, URI url, String secret, int maxAttempts, Set<String> allowTlp)
      implements Destination {
    @Override
    public String toString() {
      return "Webhook[name="
          + name
          + ", url="
          + url
          + ", secret=***, maxAttempts="
          + maxAttempts
          + ", allowTlp="
          + allowTlp
          + "]";
    }
  }

  /**
   * RFC 5424 messages with a CEF payload, over UDP, TCP (octet counting, RFC 6587) or TLS (RFC
   * 5425, same framing).
   *
   * @param caFile PEM certificates trusted for TLS instead of the JVM's default trust store
   */
  record Syslog(
      String name,
      String host,
      int port,
      Transport transport,
      int maxAttempts,
      Set<String> allowTlp,
      java.util.Optional<java.nio.file.Path> caFile)
      implements Destination {}

  /** Syslog transport. */
  enum Transport {
    UDP,
    TCP,
    TLS
  }
}
