package io.fieldprint.advisories.sync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback port 0 serving files from memory, counting requests per path.
 * Paths can be made to answer with a status, redirect, or stream an endless body.
 */
final class ProviderServer implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
  private final Map<String, String> redirects = new ConcurrentHashMap<>();
  private final Map<String, Long> endless = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final Map<String, java.nio.file.Path> mounts = new ConcurrentHashMap<>();
  private final Set<String> stalls = ConcurrentHashMap.newKeySet();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final ExecutorService workers = Executors.newCachedThreadPool();

  static {
    // The JDK server writes headers and body as separate segments; with Nagle on, each response
    // waits for the client's delayed ACK (about 40 ms), which turns a 60-document sync into 9 s.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  ProviderServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(workers);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  void put(String path, byte[] bytes) {
    files.put(path, bytes);
  }

  byte[] file(String path) {
    return files.get(path);
  }

  /** Serves the files below a folder at a path prefix (read-only; files put in memory win). */
  void mount(String prefix, java.nio.file.Path folder) {
    mounts.put(prefix, folder);
  }

  private byte[] mounted(String path) throws IOException {
    for (Map.Entry<String, java.nio.file.Path> m : mounts.entrySet()) {
      if (path.startsWith(m.getKey()) && !path.contains("..")) {
        java.nio.file.Path file = m.getValue().resolve(path.substring(m.getKey().length()));
        if (java.nio.file.Files.isRegularFile(file)) {
          return java.nio.file.Files.readAllBytes(file);
        }
      }
    }
    return null;
  }

  void status(String path, int status) {
    statuses.put(path, status);
  }

  /** Accepts requests for this path and never answers until the server closes. */
  void stall(String path) {
    stalls.add(path);
  }

  void redirect(String path, String target) {
    redirects.put(path, target);
  }

  /** Serves {@code bytes} of filler at this path, without a Content-Length. */
  void endless(String path, long bytes) {
    endless.put(path, bytes);
  }

  int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  /** Requests for CSAF documents themselves (paths ending in .json under the folder). */
  int documentHits(String folder) {
    return hits.entrySet().stream()
        .filter(e -> e.getKey().startsWith(folder) && e.getKey().endsWith(".json"))
        .filter(e -> !e.getKey().contains("feed"))
        .mapToInt(e -> e.getValue().get())
        .sum();
  }

  void resetHits() {
    hits.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    try (exchange) {
      if (stalls.contains(path)) {
        closing.await();
      } else if (redirects.containsKey(path)) {
        exchange.getResponseHeaders().add("Location", redirects.get(path));
        exchange.sendResponseHeaders(302, -1);
      } else if (statuses.containsKey(path)) {
        byte[] body =
            "<html>Internal error</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(statuses.get(path), body.length);
        exchange.getResponseBody().write(body);
      } else if (endless.containsKey(path)) {
        exchange.sendResponseHeaders(200, 0);
        streamFiller(exchange.getResponseBody(), endless.get(path));
      } else if (files.containsKey(path) || mounted(path) != null) {
        byte[] body = files.containsKey(path) ? files.get(path) : mounted(path);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      } else {
        exchange.sendResponseHeaders(404, -1);
      }
    } catch (IOException e) {
      // the client hung up (a cut-off response); nothing to do
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void streamFiller(OutputStream out, long total) throws IOException {
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) ' ');
    for (long sent = 0; sent < total; sent += chunk.length) {
      out.write(chunk);
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    workers.shutdownNow();
  }
}
