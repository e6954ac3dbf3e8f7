package io.fieldprint.agent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.agent.service.outbox.Outbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged agent ({@code target/fieldprint.jar agent}) as its own process, killed with SIGKILL
 * while reports flow, then started again: what it had queued is delivered, each report applied
 * once; SIGTERM then stops it in bounded time.
 */
class AgentProcessKillIT {
  private static final Path JAR = Path.of("target/fieldprint.jar");
  private static final Pattern QUEUED = Pattern.compile("report (edge-k:[0-9a-f-]+) queued");
  private static final String APPLIED = "fieldprint_reports_total{outcome=\"applied\"}";

  @TempDir Path dir;

  @Test
  void aKilledAgentLosesNoQueuedReportAndNoReportIsAppliedTwice() throws Exception {
    try (CollectorProcess collector =
        CollectorProcess.start(dir.resolve("collector"), CollectorProcess.freePort())) {
      Files.writeString(dir.resolve("agent-token"), collector.registerAgent("plant-k", "edge-k"));
      Path config = dir.resolve("agent.yaml");
      Files.writeString(
          config,
          String.join(
              "\n",
              "agentId: edge-k",
              "site: plant-k",
              "dataDirectory: agent-data",
              "reportInterval: 1s",
              "ops: {port: 0}",
              "collector: {url: '"
                  + collector.url()
                  + "', tokenFile: agent-token,"
                  + " retryBase: 200ms, retryMax: 1s}",
              ""));

      Process first = start(config, dir.resolve("first.log"));
      awaitMetric(collector, 3);
      first.destroyForcibly().waitFor();

      Process second = start(config, dir.resolve("second.log"));
      double before = collector.metric(APPLIED);
      awaitMetric(collector, before + 2);
      second.destroy();
      assertTrue(second.waitFor(AgentService.FLUSH_BUDGET.toSeconds() + 10, TimeUnit.SECONDS));
      String secondLog = Files.readString(dir.resolve("second.log"));
      assertTrue(secondLog.contains("agent stopped in"), secondLog);

      Set<String> queued = new HashSet<>(queued(dir.resolve("first.log")));
      queued.addAll(queued(dir.resolve("second.log")));
      double applied = collector.metric(APPLIED);
      // SIGKILL may land between the outbox commit and its log line: at most one report unlogged
      assertTrue(
          applied >= queued.size() && applied <= queued.size() + 1,
          "applied " + applied + " of " + queued.size() + " queued");
      try (Outbox outbox = Outbox.open(dir.resolve("agent-data"), 1024 * 1024)) {
        assertEquals(0, outbox.count(), "nothing left behind");
      }
    }
  }

  @Test
  void withoutLibpcapTheAgentSaysSoInOneLineAndExitsWithOne() throws Exception {
    Path config = dir.resolve("agent.yaml");
    Files.writeString(
        config,
        "agentId: edge-k\nsite: plant-k\ndataDirectory: agent-data\nops: {port: 0}\n"
            + "capture: {interfaces: [lo]}\n");
    Path log = dir.resolve("nolibpcap.log");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.pcap4j.core.pcapLibName=/nonexistent/libpcap.so.0.8",
                "-jar",
                JAR.toString(),
                "agent",
                "--config",
                config.toString())
            .redirectError(log.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(1, p.exitValue());
    String errors =
        Files.readString(log)
            .lines()
            .filter(l -> l.startsWith("fieldprint agent:"))
            .reduce("", (a, b) -> a + b + "\n");
    assertTrue(
        errors.startsWith("fieldprint agent: cannot start: live capture needs libpcap"), errors);
    assertEquals(1, errors.lines().count(), errors);
  }

  private static Set<String> queued(Path log) throws Exception {
    Set<String> ids = new HashSet<>();
    Matcher m = QUEUED.matcher(Files.readString(log));
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private static Process start(Path config, Path log) throws Exception {
    assertTrue(Files.isRegularFile(JAR), JAR.toAbsolutePath() + " missing: run mvn package");
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx128m",
            "-jar",
            JAR.toString(),
            "agent",
            "--config",
            config.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static void awaitMetric(CollectorProcess collector, double atLeast) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (collector.metric(APPLIED) < atLeast) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("fewer than " + atLeast + " reports applied within 60 s");
      }
      Thread.sleep(100);
    }
  }
}
