package io.fieldprint.collector.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents authenticated by client certificates signed by {@code tls.clientCa}: the certificate's
 * {@code OU} names the site and its {@code CN} the registered agent. Certificates are made here
 * with Bouncy Castle; the collector is real and speaks HTTPS on loopback.
 */
class ClientCertificateTest {
  @TempDir Path dir;
  private TestPki.Issued server;
  private TestPki.Issued agentCa;
  private Path serverCert;
  private Path serverKey;
  private Path caFile;

  @BeforeEach
  void pki() throws Exception {
    TestPki.Issued serverCa = TestPki.ca("CN=collector test CA");
    server = TestPki.leaf(serverCa, "CN=localhost", true);
    agentCa = TestPki.ca("CN=fieldprint agents, O=plant operator");
    serverCert = TestPki.pem(dir.resolve("server.pem"), server.certificate());
    serverKey = TestPki.pem(dir.resolve("server-key.pem"), server.keys().getPrivate());
    caFile = TestPki.pem(dir.resolve("agent-ca.pem"), agentCa.certificate());
    // the client trusts the server certificate itself, so the chain need not be served
  }

  @Test
  void aRegisteredAgentsCertificateWritesItsOwnSiteOnly() throws Exception {
    try (RunningCollector c = collector("optional")) {
      String admin = c.adminToken;
      HttpClient plain = client(null);
      post(plain, c, "/api/v1/sites", admin, "{\"id\":\"plant-a\",\"name\":\"A\"}");
      post(plain, c, "/api/v1/sites", admin, "{\"id\":\"plant-b\",\"name\":\"B\"}");
      post(plain, c, "/api/v1/sites/plant-a/agents", admin, "{\"name\":\"edge-1\"}");
      HttpClient agent = client(TestPki.leaf(agentCa, "CN=edge-1, OU=plant-a", false));

      HttpResponse<String> report =
          post(
              agent,
              c,
              "/api/v1/reports",
              null,
              Inventories.report("r-1", Inventories.onePlc("V2.9.4")));
      assertEquals(201, report.statusCode(), report.body());
      HttpResponse<String> assets = get(plain, c, "/api/v1/sites/plant-a/assets", admin);
      assertEquals(1, new JsonObject(assets.body()).getLong("total"));
      HttpResponse<String> agents = get(plain, c, "/api/v1/sites/plant-a/agents", admin);
      assertEquals(
          false,
          new JsonObject(agents.body()).getJsonArray("items").getJsonObject(0).getValue("lastSeen")
              == null,
          "the agent's report counts as seen");

      HttpResponse<String> elsewhere =
          post(
              agent,
              c,
              "/api/v1/reports",
              null,
              Inventories.report("r-2", "plant-b", Inventories.onePlc("V2.9.4")));
      assertEquals(403, elsewhere.statusCode(), elsewhere.body());
      assertEquals(403, get(agent, c, "/api/v1/sites", null).statusCode(), "agents only report");
      assertEquals(
          0,
          new JsonObject(get(plain, c, "/api/v1/sites/plant-b/assets", admin).body())
              .getLong("total"));
    }
  }

  @Test
  void aTrustedCertificateNamingNoRegisteredAgentIsUnauthorized() throws Exception {
    try (RunningCollector c = collector("optional")) {
      HttpClient plain = client(null);
      post(plain, c, "/api/v1/sites", c.adminToken, "{\"id\":\"plant-a\",\"name\":\"A\"}");
      String report = Inventories.report("r-1", Inventories.onePlc("V2.9.4"));
      for (String dn :
          new String[] {"CN=ghost, OU=plant-a", "CN=edge-1, OU=plant-z", "CN=edge-1"}) {
        HttpClient stranger = client(TestPki.leaf(agentCa, dn, false));
        assertEquals(401, post(stranger, c, "/api/v1/reports", null, report).statusCode(), dn);
      }
      assertEquals(
          401, post(plain, c, "/api/v1/reports", null, report).statusCode(), "no cert, no token");
    }
  }

  @Test
  void untrustedAndExpiredCertificatesAreRefusedInTheHandshake() throws Exception {
    try (RunningCollector c = collector("optional")) {
      HttpClient untrusted = client(TestPki.selfSigned("CN=edge-1, OU=plant-a"));
      assertThrows(IOException.class, () -> get(untrusted, c, "/api/v1/sites", null));
      Instant now = Instant.now();
      TestPki.Issued expired =
          TestPki.leaf(
              agentCa,
              "CN=edge-1, OU=plant-a",
              false,
              now.minus(Duration.ofDays(30)),
              now.minus(Duration.ofDays(1)));
      assertThrows(IOException.class, () -> get(client(expired), c, "/api/v1/sites", null));
      assertEquals(
          200, get(client(null), c, "/api/v1/sites", c.adminToken).statusCode(), "optional");
    }
  }

  @Test
  void requiredClientAuthRefusesAClientWithoutACertificateEvenWithAToken() throws Exception {
    try (RunningCollector c = collector("required")) {
      assertThrows(IOException.class, () -> get(client(null), c, "/api/v1/sites", c.adminToken));
      HttpClient withCert = client(TestPki.leaf(agentCa, "CN=ops-laptop, OU=plant-a", false));
      assertEquals(200, get(withCert, c, "/api/v1/sites", c.adminToken).statusCode());
    }
  }

  private RunningCollector collector(String mode) throws Exception {
    String yaml =
        "tls:\n  certificate: "
            + serverCert
            + "\n  key: "
            + serverKey
            + "\n  clientCa: "
            + caFile
            + "\n  clientAuth: "
            + mode
            + "\n";
    return new RunningCollector(dir.resolve("c-" + mode), yaml);
  }

  private HttpClient client(TestPki.Issued certificate) throws Exception {
    return HttpClient.newBuilder()
        .sslContext(TestPki.client(server.certificate(), certificate))
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  private static HttpResponse<String> get(
      HttpClient http, RunningCollector c, String path, String token) throws Exception {
    return http.send(request(c, path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(
      HttpClient http, RunningCollector c, String path, String token, String body)
      throws Exception {
    return http.send(
        request(c, path, token)
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(RunningCollector c, String path, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + c.collector.port() + path))
            .timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }
}
