package io.fieldprint.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.testing.InventorySchema;
import io.fieldprint.protocols.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged {@code fieldprint.jar} as a user would, in its own JVM. */
class PackagedCommandLineIT {
  private static final Path ROOT =
      Path.of(System.getProperty("fieldprint.root", "..")).toAbsolutePath();
  private static final Path JAR = ROOT.resolve("agent/target/fieldprint.jar");

  @TempDir Path tmp;

  private record Result(int exit, String out, String err) {}

  private Result run(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dfieldprint.home=" + ROOT);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(args);
    Path out = tmp.resolve("stdout");
    Path err = tmp.resolve("stderr");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "fieldprint did not finish in 5 minutes");
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void everySharedCaptureTogetherGivesOneValidInventory() throws Exception {
    List<String> args = new ArrayList<>(List.of("pcap", "--format", "json"));
    try (Stream<Path> files = Files.walk(SharedData.root().resolve("pcaps"))) {
      files
          .filter(f -> f.toString().endsWith(".pcap") || f.toString().endsWith(".pcapng"))
          .sorted()
          .forEach(f -> args.add(f.toString()));
    }

    Result r = run(args);

    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(), InventorySchema.violations(r.out()));
  }

  /** Waits (up to 2 minutes) for a line of the process's standard error containing {@code text}. */
  private static String awaitLine(Process p, Path err, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline && p.isAlive()) {
      for (String line : Files.readAllLines(err, StandardCharsets.UTF_8)) {
        if (line.contains(text)) {
          return line;
        }
      }
      Thread.sleep(200);
    }
    p.destroyForcibly();
    throw new AssertionError("no '" + text + "' on stderr: " + Files.readString(err));
  }
}
