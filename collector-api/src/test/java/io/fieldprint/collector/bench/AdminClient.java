package io.fieldprint.collector.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** The admin API calls the benchmark needs, with the first-start admin token. */
final class AdminClient {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String token;

  AdminClient(int port, String token) {
    this.base = "http://127.0.0.1:" + port + "/api/v1";
    this.token = token.strip();
  }

  void createSite(String id) throws IOException, InterruptedException {
    post("/sites", new JsonObject().put("id", id).put("name", id).encode(), 201);
  }

  /** Creates an agent and returns its token. */
  String createAgent(String site, String name) throws IOException, InterruptedException {
    String body =
        post("/sites/" + site + "/agents", new JsonObject().put("name", name).encode(), 201);
    return new JsonObject(body).getString("token");
  }

  /** Imports CSAF documents, {@code perRequest} to a request (JSON arrays). */
  void importAdvisories(List<byte[]> documents, int perRequest)
      throws IOException, InterruptedException {
    for (int from = 0; from < documents.size(); from += perRequest) {
      StringBuilder array = new StringBuilder("[");
      for (int i = from; i < Math.min(documents.size(), from + perRequest); i++) {
        array
            .append(i > from ? "," : "")
            .append(new String(documents.get(i), StandardCharsets.UTF_8));
      }
      post("/advisories", array.append(']').toString(), 200);
    }
  }

  private String post(String path, String body, int expected)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofMinutes(10))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != expected) {
      throw new IOException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }
}
