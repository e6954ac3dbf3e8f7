package io.fieldprint.collector.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * TLS for the HTTP server from PEM files, optionally asking clients for a certificate.
 *
 * @param certificate PEM certificate chain, the server certificate first
 * @param key PEM private key (PKCS#8 or PKCS#1)
 * @param clientCa PEM certificate(s) of the CA that signs agent certificates; present whenever
 *     {@code clientAuth} is not {@link ClientAuth#NONE}
 * @param clientAuth whether the server asks for a client certificate
 */
public record Tls(Path certificate, Path key, Optional<Path> clientCa, ClientAuth clientAuth) {
  public Tls {
    if (clientAuth != ClientAuth.NONE && clientCa.isEmpty()) {
      throw new IllegalArgumentException("client certificates need a clientCa");
    }
  }

  /** TLS without client certificates. */
  public Tls(Path certificate, Path key) {
    this(certificate, key, Optional.empty(), ClientAuth.NONE);
  }

  /**
   * {@code tls.clientAuth}: {@code none} never asks; {@code optional} asks, and a client that sends
   * a certificate must send one signed by {@code clientCa}; {@code required} refuses the handshake
   * of a client without one.
   */
  public enum ClientAuth {
    NONE,
    OPTIONAL,
    REQUIRED;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
