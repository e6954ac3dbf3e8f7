package io.fieldprint.agent.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real collector ({@code fieldprint-collector.jar}) as a child process on loopback: SQLite in a
 * data directory of the demo, a port the system chooses, the advisory folder imported at start and
 * a short correlation interval. {@link #close()} stops the process; the demo's {@link DemoStack}
 * calls it from its shutdown hook too (after the agent's last report), and on Linux the kernel
 * stops it if the launching thread dies without either (see {@link #launch}).
 */
public final class CollectorChild implements AutoCloseable {
  /** Where the launcher's build puts the jar, relative to the installation. */
  public static final String BUILT_JAR = "collector-api/target/fieldprint-collector.jar";

  static final String JAR_NAME = "fieldprint-collector.jar";
  private static final Duration START_BUDGET = Duration.ofSeconds(60);
  private static final Duration STOP_BUDGET = Duration.ofSeconds(20);
  private static final Pattern LISTENING =
      Pattern.compile("collector listening on [^\\s:]+:(\\d+)");

  private final Process process;
  private final Path data;
  private final Path log;
  private volatile int port = -1;

  private CollectorChild(Process process, Path data, Path log) {
    this.process = process;
    this.data = data;
    this.log = log;
  }

  /**
   * The collector jar: {@code HOME/collector-api/target/fieldprint-collector.jar} (the launcher's
   * build), else {@code fieldprint-collector.jar} beside the jar this class was loaded from.
   */
  public static Optional<Path> locate(Path home) {
    List<Path> candidates = new java.util.ArrayList<>();
    candidates.add(home.resolve(BUILT_JAR));
    besideThisJar().ifPresent(candidates::add);
    return candidates.stream().filter(Files::isRegularFile).findFirst();
  }

  private static Optional<Path> besideThisJar() {
    try {
      var source = CollectorChild.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path self = Path.of(source.getLocation().toURI());
      Path dir = self.getParent();
      return dir == null ? Optional.empty() : Optional.of(dir.resolve(JAR_NAME));
    } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
      return Optional.empty();
    }
  }

  /**
   * Writes the configuration into {@code data} and starts the collector process; {@link
   * #awaitHealthy()} waits until it answers. Call from a thread that lives as long as the demo (the
   * main thread): on Linux the collector is started through {@code setpriv --pdeathsig TERM}, so
   * the kernel stops it when that thread dies, even if the JVM is killed with SIGKILL and no
   * shutdown hook runs.
   */
  public static CollectorChild launch(
      Path jar, Path data, Optional<Path> advisoryDirectory, long correlationMillis)
      throws IOException {
    Files.createDirectories(data);
    Path config = data.resolve("collector.yaml");
    Files.writeString(config, config(data, advisoryDirectory, correlationMillis));
    Path log = data.resolve("collector.log");
    List<String> command = new java.util.ArrayList<>(parentDeathSignal());
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-jar",
            jar.toAbsolutePath().toString(),
            "--config",
            config.toString()));
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new CollectorChild(p, data, log);
  }

  /** {@code setpriv --pdeathsig TERM --} where util-linux provides it (Linux), else nothing. */
  static List<String> parentDeathSignal() {
    Path setpriv = Path.of("/usr/bin/setpriv");
    boolean linux =
        System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).equals("linux");
    return linux && Files.isExecutable(setpriv)
        ? List.of(setpriv.toString(), "--pdeathsig", "TERM", "--")
        : List.of();
  }

  static String config(Path data, Optional<Path> advisories, long correlationMillis) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("listen: {host: 127.0.0.1, port: 0}\n")
        .append("dataDirectory: ")
        .append(quoted(data))
        .append('\n')
        .append("storage: {kind: sqlite}\n")
        .append("correlation: {intervalMillis: ")
        .append(correlationMillis)
        .append("}\n");
    advisories.ifPresent(
        dir -> yaml.append("advisories: {directory: ").append(quoted(dir)).append("}\n"));
    return yaml.toString();
  }

  private static String quoted(Path p) {
    return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  /** Waits at most 60 s until {@code /health} answers 200; stops the process if it does not. */
  public CollectorChild awaitHealthy() throws IOException, InterruptedException {
    try {
      awaitListening();
      return this;
    } catch (IOException | InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void awaitListening() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_BUDGET.toNanos();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            "the collector exited with status " + process.exitValue() + ": " + lastLines());
      }
      if (port < 0) {
        Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
        if (m.find()) {
          port = Integer.parseInt(m.group(1));
        }
      }
      if (port > 0 && healthy(http)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IOException("the collector did not answer /health within 60 s (log: " + log + ")");
  }

  private boolean healthy(HttpClient http) throws InterruptedException {
    try {
      HttpRequest get =
          HttpRequest.newBuilder(URI.create(url() + "/health"))
              .timeout(Duration.ofSeconds(2))
              .build();
      return http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** The last lines of the collector's log, on one line, for an error message. */
  public String lastLines() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The first admin's token, written by the collector at its first start. */
  public String adminToken() throws IOException {
    return Files.readString(data.resolve("admin-token"), StandardCharsets.UTF_8).strip();
  }

  /**
   * Whether the collector's background import of its advisory folder has ended (its log says how
   * many documents it read, or that the import failed).
   */
  public boolean advisoryFolderImported() throws IOException {
    String text = Files.readString(log, StandardCharsets.UTF_8);
    return text.contains("advisory directory: ")
        || text.contains("advisory directory import failed");
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** SIGTERM (the collector stops in order), bounded wait, then SIGKILL. */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(STOP_BUDGET.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
