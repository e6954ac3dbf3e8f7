package io.fieldprint.agent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.agent.service.config.AgentConfigReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent without a token delivers to a collector that requires client certificates ({@code
 * tls.clientAuth: required}) by presenting a certificate its agents' CA signed for {@code
 * OU=plant-c, CN=edge-c}. Certificates are made by openssl.
 */
class CollectorClientCertificateIT {
  @TempDir Path dir;

  @Test
  void anAgentKnownByItsCertificateDeliversWithoutAToken() throws Exception {
    openssl(
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
        "server.key",
        "-out",
        "server.pem");
    openssl(
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
        "/CN=agents CA",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem");
    openssl(
        "req",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-subj",
        "/OU=plant-c/CN=edge-c",
        "-keyout",
        "edge.key",
        "-out",
        "edge.csr");
    openssl(
        "x509",
        "-req",
        "-in",
        "edge.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-out",
        "edge.pem");
    int port = CollectorProcess.freePort();
    Path data = dir.resolve("collector");
    try (CollectorProcess plain = CollectorProcess.start(data, port)) {
      plain.registerAgent("plant-c", "edge-c"); // the token it returns is not used
    }
    String tls =
        "tls: {certificate: "
            + dir.resolve("server.pem")
            + ", key: "
            + dir.resolve("server.key")
            + ", clientCa: "
            + dir.resolve("ca.pem")
            + ", clientAuth: required}\n";
    try (CollectorProcess collector = CollectorProcess.start(data, port, tls)) {
      var config =
          new AgentConfigReader()
              .parse(
                  "agentId: edge-c\nsite: plant-c\ndataDirectory: agent-data\n"
                      + "reportInterval: 1s\nops: {port: 0}\ncollector:\n"
                      + "  url: https://127.0.0.1:"
                      + port
                      + "\n"
                      + "  caCertificate: server.pem\n  clientCertificate: edge.pem\n"
                      + "  clientKey: edge.key\n  retryBase: 200ms\n  retryMax: 1s\n",
                  dir);
      try (AgentService agent = AgentService.start(config, "t", InstantSource.system())) {
        Await.until(() -> agent.health().reportsDelivered() >= 2, Duration.ofSeconds(30));
      }
    }
  }

  private void openssl(String... args) throws Exception {
    Process p =
        new ProcessBuilder(
                java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("openssl"), List.of(args).stream())
                    .toList())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), "openssl " + String.join(" ", args) + ": " + out);
  }
}
