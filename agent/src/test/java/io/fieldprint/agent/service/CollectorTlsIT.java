package io.fieldprint.agent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.agent.service.config.AgentConfig;
import io.fieldprint.agent.service.config.AgentConfigReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An https collector with a self-signed certificate (made by openssl): the agent delivers when its
 * {@code collector.caCertificate} names that certificate, and refuses the connection otherwise.
 */
class CollectorTlsIT {
  @TempDir Path dir;

  @Test
  void theAgentDeliversOverHttpsOnlyToACollectorItTrusts() throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    selfSigned(cert, key);
    int port = CollectorProcess.freePort();
    Path data = dir.resolve("collector");
    try (CollectorProcess plain = CollectorProcess.start(data, port)) {
      Files.writeString(dir.resolve("agent-token"), plain.registerAgent("plant-t", "edge-t"));
    }
    String tls = "tls: {certificate: " + cert + ", key: " + key + "}\n";
    try (CollectorProcess collector = CollectorProcess.start(data, port, tls)) {
      try (AgentService untrusting = AgentService.start(config(port, ""), "t", clock())) {
        Await.until(
            () -> metric(untrusting, "fieldprint_agent_delivery_failures_total") >= 1,
            Duration.ofSeconds(30));
        assertEquals(0, untrusting.health().reportsDelivered());
      }
      AgentConfig trusting = config(port, "  caCertificate: cert.pem\n");
      try (AgentService agent = AgentService.start(trusting, "t", clock())) {
        Await.until(() -> agent.health().reportsDelivered() >= 2, Duration.ofSeconds(30));
      }
    }
  }

  private static InstantSource clock() {
    return InstantSource.system();
  }

  private AgentConfig config(int port, String extra) throws Exception {
    return new AgentConfigReader()
        .parse(
            "agentId: edge-t\nsite: plant-t\ndataDirectory: agent-data-"
                + extra.length()
                + "\nreportInterval: 1s\nops: {port: 0}\ncollector:\n"
                + "  url: https://127.0.0.1:"
                + port
                + "\n  tokenFile: agent-token\n  retryBase: 200ms\n  retryMax: 1s\n"
                + extra,
            dir);
  }

  private static double metric(AgentService agent, String name) {
    try {
      for (String line : LiveCaptureOnLoopbackTest.get(agent.opsPort(), "/metrics").split("\n")) {
        if (line.startsWith(name + "{")) {
          return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      return 0;
    } catch (Exception e) {
      return 0;
    }
  }

  private static void selfSigned(Path cert, Path key) throws Exception {
    Process p =
        new ProcessBuilder(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=IP:127.0.0.1",
                "-keyout",
                key.toString(),
                "-out",
                cert.toString())
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), "openssl made a certificate");
  }
}
