package io.fieldprint.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentCommandTest {
  @TempDir Path dir;

  @Test
  void everyConfigurationProblemIsItsOwnLineAndTheExitStatusIsTwo() throws Exception {
    Path config = dir.resolve("agent.yaml");
    Files.writeString(config, "site: Plant A\nreportInterval: 0s\n");

    CliRun run = CliRun.of("agent", "--config", config.toString());

    assertEquals(2, run.exit(), run.err());
    assertEquals(4, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().lines().allMatch(l -> l.startsWith("fieldprint agent: config: ")));
    assertTrue(run.err().contains("agentId: is required"), run.err());
    assertTrue(run.err().contains("reportInterval: must be between 1s and"), run.err());
  }

  @Test
  void checkPrintsTheConfigurationWithTheTokenMasked() throws Exception {
    Files.writeString(dir.resolve("token"), "fpa_abcdefghijklmnopqrstuvwxyz\n");
    Path config = dir.resolve("agent.yaml");
    Files.writeString(
        config,
        "agentId: edge-1\nsite: plant-a\ndataDirectory: data\n"
            + "collector: {url: 'https://collector:8443', tokenFile: token}\n");

    CliRun run = CliRun.of("agent", "--config", config.toString(), "--check");

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("configuration ok: agentId=edge-1 site=plant-a"), run.out());
    assertFalse(run.out().contains("abcdefgh"), run.out());
  }

  @Test
  void aMissingConfigurationFileIsOneLine() {
    CliRun run = CliRun.of("agent", "--config", dir.resolve("nope.yaml").toString());
    assertEquals(2, run.exit());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().contains("cannot read"), run.err());
  }
}
