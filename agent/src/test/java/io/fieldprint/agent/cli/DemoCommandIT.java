package io.fieldprint.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fieldprint demo} as a user runs it: the packaged jar in its own JVM, which starts the real
 * collector jar as a child process, the simulated plant and the agent; the summary is what the
 * collector holds. Afterwards no collector process is left, whether the demo ended by itself or was
 * stopped with SIGTERM (Ctrl-C sends SIGINT, which runs the same shutdown hooks).
 */
class DemoCommandIT {
  private static final Path ROOT =
      Path.of(System.getProperty("fieldprint.root", "..")).toAbsolutePath().normalize();
  private static final Path JAR = ROOT.resolve("agent/target/fieldprint.jar");
  private static final Pattern COLLECTOR_PID = Pattern.compile("collector \\(pid (\\d+)\\)");

  /** No further advisories: the collector holds the four demo documents only. */
  @TempDir Path noFurtherAdvisories;

  @TempDir Path dir;

  private Process demo(Path out, Path err, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-jar");
    command.add(JAR.toString());
    command.add("demo");
    command.add("--home");
    command.add(ROOT.toString());
    command.add("--advisories");
    command.add(noFurtherAdvisories.toString());
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
  }

  @Test
  void theDemoPrintsThePlantAndCaptureDevicesAndTheDemoMatchesFromTheCollectorAndLeavesNoProcess()
      throws Exception {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = demo(out, err, "--once");
    boolean ended = p.waitFor(6, TimeUnit.MINUTES);
    if (!ended) {
      p.destroyForcibly().waitFor();
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertTrue(ended, "the demo ended by itself:\n" + stderr);
    assertEquals(0, p.exitValue(), stderr);

    assertTrue(stdout.startsWith("DEVICES (13)"), stdout);
    for (String device :
        List.of(
            "DA5-5100-0AB0", "NWG-40-EU", "DA2-220-1BA0", "DA7-710-0CA0", "6ES7 315-2EH14-0AB0")) {
      assertTrue(stdout.contains(device), device + " in " + stdout);
    }
    assertTrue(stdout.matches("(?s).*127\\.0\\.0\\.11 .*scan\n.*"), stdout);
    assertTrue(stdout.matches("(?s).*192\\.168\\.10\\.10 .*capture\n.*"), stdout);
    assertTrue(stdout.contains("127.0.0.12     opcua.certificate-expired"), stdout);
    assertTrue(stdout.contains("MATCHES (3)"), stdout);
    assertTrue(stdout.contains("high  127.0.0.11  DEMO-2026-0001"), stdout);
    assertTrue(stdout.contains("medium  127.0.0.22  DEMO-2026-0003"), stdout);
    assertTrue(stdout.contains("low  127.0.0.12  DEMO-2026-0004"), stdout);
    assertTrue(
        stdout.contains(
            "why: model 'DA5-5100-0AB0' matches advisory model number 'DA5-5100-*';"
                + " V2.3.1 < 2.4.0"),
        stdout);
    assertFalse(stdout.contains("DEMO-2026-0002"), "the patched DA-IO 220 is not affected");
    assertTrue(stdout.matches("(?s).*dashboard: +http://127\\.0\\.0\\.1:\\d+/ .*"), stdout);
    assertTrue(stdout.matches("(?s).*viewer token: fpu_\\S+ .*"), stdout);

    assertCollectorGone(stderr);
  }

  @Test
  void sigtermWhileTheDemoStaysUpStopsTheCollectorProcessToo() throws Exception {
    Path err = dir.resolve("err.txt");
    Process p = demo(dir.resolve("out.txt"), err, "--duration", "600");
    try {
      long collector = collectorUpAfterTheSummary(p, dir.resolve("out.txt"), err);

      p.destroy(); // SIGTERM: the shutdown hooks stop agent, plant and collector
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the demo stopped within 60 s");
      assertFalse(ProcessHandle.of(collector).map(ProcessHandle::isAlive).orElse(false));
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void sigkillOfTheDemoStillStopsTheCollectorProcess() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs util-linux setpriv (Linux)");
    Path err = dir.resolve("err.txt");
    Process p = demo(dir.resolve("out.txt"), err, "--duration", "600");
    long collector;
    try {
      collector = collectorUpAfterTheSummary(p, dir.resolve("out.txt"), err);
    } finally {
      p.destroyForcibly(); // SIGKILL: no shutdown hook runs
    }
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    Optional<ProcessHandle> left = ProcessHandle.of(collector);
    assertTrue(
        left.isEmpty()
            || left.get().onExit().completeOnTimeout(null, 60, TimeUnit.SECONDS).get() != null,
        "collector process " + collector + " outlived the killed demo by 60 s");
  }

  /** Waits (bounded) for the summary; the collector's pid, checked alive. */
  private static long collectorUpAfterTheSummary(Process p, Path out, Path err) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
    while (!Files.readString(out).contains("viewer token:") && p.isAlive()) {
      assertTrue(System.nanoTime() < deadline, "no summary:\n" + Files.readString(err));
      Thread.sleep(200);
    }
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertTrue(p.isAlive(), "the demo stays up after the summary:\n" + stderr);
    long collector = collectorPid(stderr).orElseThrow(() -> new AssertionError(stderr));
    assertTrue(ProcessHandle.of(collector).map(ProcessHandle::isAlive).orElse(false));
    return collector;
  }

  private static Optional<Long> collectorPid(String stderr) {
    Matcher m = COLLECTOR_PID.matcher(stderr);
    return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
  }

  private static void assertCollectorGone(String stderr) {
    long pid = collectorPid(stderr).orElseThrow(() -> new AssertionError("no pid in " + stderr));
    Optional<ProcessHandle> left = ProcessHandle.of(pid);
    assertFalse(
        left.isPresent() && left.get().isAlive(), "collector process " + pid + " left running");
  }
}
