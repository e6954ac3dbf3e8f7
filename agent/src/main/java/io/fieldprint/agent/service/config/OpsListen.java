package io.fieldprint.agent.service.config;

/**
 * The local listener for {@code /health} and {@code /metrics}.
 *
 * @param host address to bind (default loopback only)
 * @param port TCP port, 0 for any free port
 */
public record OpsListen(String host, int port) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 9465;

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
