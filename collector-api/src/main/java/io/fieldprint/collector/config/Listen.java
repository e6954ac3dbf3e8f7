package io.fieldprint.collector.config;

/**
 * Where the HTTP server listens.
 *
 * @param host address to bind ({@code 127.0.0.1} by default; {@code 0.0.0.0} for all interfaces)
 * @param port TCP port, 0 to let the system pick one (tests)
 */
public record Listen(String host, int port) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8443;
}
