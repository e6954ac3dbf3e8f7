package io.fieldprint.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldprintCommandTest {

  @Test
  void helpListsEveryCommandOfTheArchitecture() {
    CliRun run = CliRun.of("--help");
    assertEquals(0, run.exit());
    for (String command :
        List.of("demo", "pcap", "scan", "match", "report", "advisories", "agent", "collector")) {
      assertTrue(
          run.out().contains("  " + command + " "), command + " missing from:\n" + run.out());
    }
  }

  @Test
  void collectorRunFromTheAgentJarSaysHowToStartItsOwnJarAndExitsWithTwo() {
    CliRun run = CliRun.of("collector", "--config", "x");
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("fieldprint collector: runs from its own jar"), run.err());
    assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithExitTwo() {
    CliRun run = CliRun.of("pcap", "--no-such-option", "x.pcap");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("--no-such-option"), run.err());
  }

  @Test
  void noCommandIsAUsageError() {
    assertEquals(2, CliRun.of().exit());
  }

  @Test
  void versionNamesTheBuild() {
    CliRun run = CliRun.of("--version");
    assertEquals(0, run.exit());
    assertTrue(run.out().startsWith("fieldprint 0."), run.out());
  }
}
