package io.fieldprint.agent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.agent.cli.FieldprintCommand;
import io.fieldprint.agent.demo.PlantDescription;
import io.fieldprint.agent.demo.SimulatedPlant;
import io.fieldprint.agent.service.config.AgentConfig;
import io.fieldprint.agent.service.config.AgentConfigReader;
import io.fieldprint.agent.service.outbox.Outbox;
import io.fieldprint.protocols.testing.InventorySchema;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offline audit mode: an agent without a collector matches each snapshot against a real advisory
 * store written by {@code fieldprint advisories import} (the demo advisories), while it scans the
 * simulated demo plant on loopback.
 */
class OfflineAdvisoryMatchingTest {
  private static final Path ROOT = Path.of(System.getProperty("fieldprint.root", ".."));

  @TempDir Path dir;

  @Test
  void offlineTheSnapshotCarriesTheMatchesOfTheLocalStoreAndMetricsCountThem() throws Exception {
    Path store = dir.resolve("advisories.db");
    StringWriter err = new StringWriter();
    int imported =
        FieldprintCommand.execute(
            new String[] {
              "advisories",
              "import",
              "--store",
              store.toString(),
              ROOT.resolve("config/demo/advisories").toString()
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(0, imported, err.toString());
    try (SimulatedPlant plant =
        SimulatedPlant.start(PlantDescription.read(ROOT.resolve("config/demo/plant.json")))) {
      AgentConfig config =
          new AgentConfigReader()
              .parse(
                  "agentId: audit-1\nsite: lab\ndataDirectory: data\nreportInterval: 2s\n"
                      + "ops: {port: 0}\nadvisories: {store: advisories.db}\n"
                      + "scan: {allow: [127.0.0.0/24], targets: ["
                      + String.join(", ", plant.targets())
                      + "]}\n",
                  dir);
      try (AgentService agent = AgentService.start(config, "test", InstantSource.system())) {
        String json =
            AgentFiles.awaitSnapshot(
                config.dataDirectory(),
                s -> s.contains("DEMO-2026-0001") && s.contains("DEMO-2026-0003"),
                Duration.ofSeconds(90));
        assertEquals(List.of(), InventorySchema.violations(json));
        assertFalse(json.contains("DEMO-2026-0002"), "the patched DA-IO 220 is not affected");
        String metrics = LiveCaptureOnLoopbackTest.get(agent.opsPort(), "/metrics");
        assertTrue(metrics.contains("fieldprint_agent_advisories 4.0"), metrics);
        assertTrue(
            metrics.contains("fieldprint_agent_advisory_matches{confidence=\"high\"} 1.0"),
            metrics);
      }
      try (Outbox outbox = Outbox.open(config.dataDirectory(), config.outboxMaxBytes())) {
        String report =
            new String(outbox.oldest().orElseThrow().body().json(), StandardCharsets.UTF_8);
        assertFalse(report.contains("DEMO-2026-"), "reports carry no local matches");
      }
    }
  }
}
