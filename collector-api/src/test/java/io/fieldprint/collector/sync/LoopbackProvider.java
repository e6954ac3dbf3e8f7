package io.fieldprint.collector.sync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CSAF provider on loopback port 0 (JDK HTTP server) with the directory-based distribution:
 * {@code provider-metadata.json}, {@code changes.csv}, and for each document from the shared CISA
 * tree its bytes, its own {@code .sha512} and an {@code .asc} made with a test key (CISA's key is
 * not in the shared data). Counts requests per path.
 */
public final class LoopbackProvider implements AutoCloseable {
  private static final String FOLDER = "/csaf/white/";

  static {
    // without it each response waits for the client's delayed ACK (see the advisories tests)
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService workers = Executors.newFixedThreadPool(4);
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final Map<String, String> listed = new java.util.TreeMap<>();
  private final SigningKey key;

  /**
   * Serves {@code documents} (paths relative to {@code white}, e.g. {@code 2023/icsa-23-222-07})
   * signed with {@code key}, all listed in changes.csv with one date.
   */
  public LoopbackProvider(Path white, List<String> documents, SigningKey key) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(workers);
    this.key = key;
    for (String doc : documents) {
      byte[] bytes = Files.readAllBytes(white.resolve(doc + ".json"));
      files.put(FOLDER + doc + ".json", bytes);
      files.put(
          FOLDER + doc + ".json.sha512", Files.readAllBytes(white.resolve(doc + ".json.sha512")));
      files.put(FOLDER + doc + ".json.asc", key.sign(bytes));
      listed.put(doc, "2024-01-01T00:00:00Z");
    }
    writeChanges();
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    String metadata =
        """
        {"canonical_url": "%s/provider-metadata.json", "metadata_version": "2.0",
         "role": "csaf_trusted_provider", "last_updated": "2024-10-24T00:00:00Z",
         "list_on_CSAF_aggregators": true, "mirror_on_CSAF_aggregators": true,
         "publisher": {"category": "coordinator", "name": "CISA (loopback copy)",
                       "namespace": "https://www.cisa.gov/"},
         "distributions": [{"directory_url": "%s%s"}]}
        """
            .formatted(base, base, FOLDER);
    files.put("/provider-metadata.json", metadata.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Publishes new bytes for a document with a later listing date, signed, with its hash file
   * rewritten or, when {@code keepOldHash}, left as it was (a document altered on the server).
   */
  public synchronized void publish(String doc, byte[] bytes, String listedAt, boolean keepOldHash) {
    files.put(FOLDER + doc + ".json", bytes);
    files.put(FOLDER + doc + ".json.asc", key.sign(bytes));
    if (!keepOldHash) {
      String name = doc.substring(doc.lastIndexOf('/') + 1) + ".json";
      files.put(
          FOLDER + doc + ".json.sha512",
          (sha512(bytes) + "  " + name + "\n").getBytes(StandardCharsets.UTF_8));
    }
    listed.put(doc, listedAt);
    writeChanges();
  }

  private synchronized void writeChanges() {
    StringBuilder changes = new StringBuilder();
    listed.forEach(
        (doc, at) ->
            changes.append("\"").append(doc).append(".json\",\"").append(at).append("\"\n"));
    files.put(FOLDER + "changes.csv", changes.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String sha512(byte[] bytes) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-512").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public URI metadataUrl() {
    return URI.create(
        "http://127.0.0.1:" + server.getAddress().getPort() + "/provider-metadata.json");
  }

  /** Requests for one document (not its hash or signature). */
  public int documentHits(String document) {
    AtomicInteger n = hits.get(FOLDER + document + ".json");
    return n == null ? 0 : n.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    try (exchange) {
      byte[] body = files.get(path);
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
