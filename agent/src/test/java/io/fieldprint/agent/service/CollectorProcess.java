package io.fieldprint.agent.service;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real collector ({@code collector-api/target/fieldprint-collector.jar}, built earlier in the
 * reactor) as a separate process on loopback, with its admin API for the test's setup and checks.
 */
final class CollectorProcess implements AutoCloseable {
  static final Path JAR = Path.of("../collector-api/target/fieldprint-collector.jar");
  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final Path data;
  private final int port;
  private final Path log;

  private CollectorProcess(Process process, Path data, int port, Path log) {
    this.process = process;
    this.data = data;
    this.port = port;
    this.log = log;
  }

  /** A free loopback port (closed again), for a collector that must come back on the same one. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Starts the collector with its data in {@code data}, waiting (bounded) until it listens. */
  static CollectorProcess start(Path data, int port) throws Exception {
    return start(data, port, "");
  }

  /** Starts the collector with extra configuration lines (such as {@code tls}). */
  static CollectorProcess start(Path data, int port, String extra) throws Exception {
    if (!Files.isRegularFile(JAR)) {
      throw new AssertionError(JAR.toAbsolutePath() + " missing: build collector-api first");
    }
    Files.createDirectories(data);
    Path config = data.resolve("collector.yaml");
    Files.writeString(
        config,
        "listen: {host: 127.0.0.1, port: " + port + "}\ndataDirectory: " + data + "\n" + extra,
        StandardCharsets.UTF_8);
    Path log = data.resolve("collector-" + System.nanoTime() + ".log");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                JAR.toString(),
                "--config",
                config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    CollectorProcess c = new CollectorProcess(p, data, port, log);
    c.awaitListening();
    return c;
  }

  private void awaitListening() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("collector exited:\n" + Files.readString(log));
      }
      if (Files.readString(log).contains("collector listening on")) {
        return;
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new AssertionError("collector did not listen within 60 s:\n" + Files.readString(log));
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  String adminToken() throws IOException {
    return Files.readString(data.resolve("admin-token")).strip();
  }

  /** Creates the site and an agent for it; returns the agent's token. */
  String registerAgent(String site, String agent) throws Exception {
    call("POST", "/api/v1/sites", "{\"id\":\"" + site + "\",\"name\":\"" + site + "\"}", 201);
    String answer =
        call("POST", "/api/v1/sites/" + site + "/agents", "{\"name\":\"" + agent + "\"}", 201);
    Matcher m = TOKEN.matcher(answer);
    if (!m.find()) {
      throw new AssertionError("no token in " + answer);
    }
    return m.group(1);
  }

  /** GET with the admin token; asserts 200. */
  String get(String path) throws Exception {
    return call("GET", path, null, 200);
  }

  private String call(String method, String path, String body, int expected) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url() + path))
            .header("Authorization", "Bearer " + adminToken());
    if (body != null) {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != expected) {
      throw new AssertionError(
          method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  /** A counter of the collector's {@code /metrics}, 0 when absent. */
  double metric(String nameAndLabels) throws Exception {
    for (String line : get("/metrics").split("\n")) {
      if (line.startsWith(nameAndLabels + " ")) {
        return Double.parseDouble(line.substring(nameAndLabels.length() + 1).strip());
      }
    }
    return 0;
  }

  /** SIGTERM, bounded wait. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
