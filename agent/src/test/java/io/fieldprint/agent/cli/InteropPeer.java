package io.fieldprint.agent.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An independent server (pymodbus, node-opcua) from {@code tests/interop/}, run as its own process.
 * It is ready once it prints {@code fieldprint-interop ready PORT}; closing it closes its stdin
 * (the scripts stop then) and ends the process and its children. A peer that does not start fails
 * the test with its stderr: it is installed by {@code scripts/setup}, so CI must have it.
 */
final class InteropPeer implements AutoCloseable {
  static final Path ROOT = Path.of(System.getProperty("fieldprint.root", "..")).toAbsolutePath();
  private static final String READY = "fieldprint-interop ready ";

  private final Process process;
  private final int port;

  private InteropPeer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts {@code command} in {@code dir} and waits at most {@code within} for its ready line. */
  static InteropPeer start(List<String> command, Path dir, Path stderr, Duration within)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectError(stderr.toFile()).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readyLine(out));
    try {
      String line = ready.get(within.toMillis(), TimeUnit.MILLISECONDS);
      if (line != null) {
        drain(out);
        return new InteropPeer(p, Integer.parseInt(line.substring(READY.length()).strip()));
      }
    } catch (TimeoutException | ExecutionException e) {
      // reported below with the peer's stderr
    }
    stop(p);
    return fail(
        String.join(" ", command)
            + " did not become ready within "
            + within
            + " (is it installed? run scripts/setup); stderr: "
            + tail(stderr));
  }

  /** A port that was free a moment ago, for peers that cannot bind port 0 and report it. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    stop(process);
  }

  private static String readyLine(BufferedReader out) {
    try {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(READY)) {
          return line;
        }
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Keeps reading what the peer prints so that it never blocks on a full pipe. */
  private static void drain(BufferedReader out) {
    Thread t =
        new Thread(
            () -> {
              try {
                while (out.readLine() != null) {
                  // discarded: the peer's chatter is not evidence
                }
              } catch (IOException e) {
                // the peer ended
              }
            },
            "interop-peer-stdout");
    t.setDaemon(true);
    t.start();
  }

  private static void stop(Process p) {
    try {
      p.getOutputStream().close();
    } catch (IOException e) {
      // already gone
    }
    p.descendants().forEach(ProcessHandle::destroy);
    p.destroy();
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String tail(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
