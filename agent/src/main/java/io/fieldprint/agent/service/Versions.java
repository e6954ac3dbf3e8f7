package io.fieldprint.agent.service;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The versions the agent logs at start: Java, Vert.x and (when loadable) libpcap. */
final class Versions {
  private Versions() {}

  static String describe(String agentVersion, boolean withLibpcap) {
    return "fieldprint agent "
        + agentVersion
        + " (Java "
        + Runtime.version()
        + ", Vert.x "
        + vertx()
        + (withLibpcap ? ", " + libpcap() : "")
        + ")";
  }

  private static String vertx() {
    try (InputStream in = Vertx.class.getResourceAsStream("/META-INF/vertx/vertx-version.txt")) {
      return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String libpcap() {
    try {
      return org.pcap4j.core.Pcaps.libVersion();
    } catch (LinkageError e) {
      return "libpcap not loadable";
    }
  }
}
