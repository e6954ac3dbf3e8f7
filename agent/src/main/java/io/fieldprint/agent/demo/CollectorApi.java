package io.fieldprint.agent.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The collector's HTTP API as the demo uses it, with the admin token: sites, agent and viewer
 * tokens, advisory import, and the assets and matches the summary is printed from.
 */
public final class CollectorApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int PAGE = 500;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final String base;
  private final String token;

  public CollectorApi(String base, String adminToken) {
    this.base = base;
    this.token = adminToken;
  }

  /** Creates a site. */
  public void createSite(String id, String name) throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode().put("id", id).put("name", name);
    call("POST", "/api/v1/sites", body, 201);
  }

  /** Registers an agent for {@code site}; its token (shown once). */
  public String createAgent(String site, String name) throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode().put("name", name);
    return call("POST", "/api/v1/sites/" + enc(site) + "/agents", body, 201).path("token").asText();
  }

  /** Creates a viewer of {@code site}; its token (shown once). */
  public String createViewer(String site, String name) throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode().put("name", name).put("role", "viewer");
    body.putArray("sites").add(site);
    return call("POST", "/api/v1/users", body, 201).path("token").asText();
  }

  /** Imports CSAF documents (one request); the per-document results. */
  public JsonNode importAdvisories(List<JsonNode> documents)
      throws IOException, InterruptedException {
    return call("POST", "/api/v1/advisories", JSON.valueToTree(documents), 200);
  }

  /** Every asset of the site (all pages). */
  public List<JsonNode> assets(String site) throws IOException, InterruptedException {
    return pages("/api/v1/sites/" + enc(site) + "/assets");
  }

  /** One asset with evidence, findings and matches. */
  public JsonNode asset(String uid) throws IOException, InterruptedException {
    return call("GET", "/api/v1/assets/" + enc(uid), null, 200);
  }

  /** Every current match of the site (all pages). */
  public List<JsonNode> matches(String site) throws IOException, InterruptedException {
    return pages("/api/v1/sites/" + enc(site) + "/matches");
  }

  private List<JsonNode> pages(String path) throws IOException, InterruptedException {
    List<JsonNode> all = new ArrayList<>();
    for (int offset = 0; ; offset += PAGE) {
      JsonNode page = call("GET", path + "?limit=" + PAGE + "&offset=" + offset, null, 200);
      JsonNode items = page.path("items");
      items.forEach(all::add);
      if (items.size() < PAGE) {
        return all;
      }
    }
  }

  private JsonNode call(String method, String path, JsonNode body, int expected)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (body != null) {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != expected) {
      String text = new String(r.body(), StandardCharsets.UTF_8);
      throw new IOException(
          method
              + " "
              + path
              + " answered "
              + r.statusCode()
              + ": "
              + text.substring(0, Math.min(200, text.length())));
    }
    return JSON.readTree(r.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
