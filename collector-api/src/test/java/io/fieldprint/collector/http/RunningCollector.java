package io.fieldprint.collector.http;

import io.fieldprint.collector.Collector;
import io.fieldprint.collector.config.ConfigReader;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** A real collector on loopback port 0 with its own data directory, and a JDK HTTP client. */
final class RunningCollector implements AutoCloseable {
  final Path dataDir;
  final Collector collector;
  final String adminToken;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  RunningCollector(Path dir, String extraYaml) throws Exception {
    this.dataDir = dir.resolve("data");
    Files.createDirectories(dir);
    Path config = dir.resolve("collector.yaml");
    Files.writeString(
        config,
        "listen:\n  host: 127.0.0.1\n  port: 0\ndataDirectory: data\n" + extraYaml,
        StandardCharsets.UTF_8);
    collector = Collector.start(new ConfigReader().read(config), Clock.systemUTC());
    Path tokenFile = dataDir.resolve("admin-token");
    // a second collector on a shared database finds the admin made by the first: no file
    adminToken = Files.exists(tokenFile) ? Files.readString(tokenFile).strip() : null;
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    return send(request(path, token).GET().build());
  }

  HttpResponse<String> post(String path, String token, String body) throws Exception {
    return postAs(path, token, "application/json", body);
  }

  HttpResponse<String> postAs(String path, String token, String type, String body)
      throws Exception {
    return send(
        request(path, token)
            .header("content-type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Posts JSON bytes already encoded with {@code coding} ({@code Content-Encoding}). */
  HttpResponse<String> postEncoded(String path, String token, String coding, byte[] body)
      throws Exception {
    return send(
        request(path, token)
            .header("content-type", "application/json")
            .header("content-encoding", coding)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  HttpResponse<String> put(String path, String token, String body) throws Exception {
    return send(
        request(path, token)
            .header("content-type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Creates a site and returns an agent token for it. */
  String siteWithAgent(String site) throws Exception {
    return siteWithAgent(site, adminToken);
  }

  /** Creates a site with {@code admin}'s token and returns an agent token for it. */
  String siteWithAgent(String site, String admin) throws Exception {
    post("/api/v1/sites", admin, new JsonObject().put("id", site).put("name", site).encode());
    HttpResponse<String> agent =
        post("/api/v1/sites/" + site + "/agents", admin, "{\"name\":\"edge-" + site + "\"}");
    return new JsonObject(agent.body()).getString("token");
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + collector.port() + path))
            .timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private HttpResponse<String> send(HttpRequest r) throws Exception {
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    collector.close();
  }
}
