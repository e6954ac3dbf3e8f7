package io.fieldprint.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's argument checks and its refusal without a collector (the end-to-end run with the real
 * collector is {@code DemoCommandIT}).
 */
class DemoCommandTest {
  private static final Path ROOT =
      Path.of(System.getProperty("fieldprint.root", "..")).toAbsolutePath().normalize();

  @TempDir Path home;

  @Test
  void anAdvisoriesPathThatIsNoFolderIsAUsageError() {
    CliRun run =
        CliRun.of("demo", "--home", ROOT.toString(), "--advisories", ROOT + "/no-such-folder");

    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().contains("--advisories must be a folder of CSAF documents"), run.err());
  }

  @Test
  void aNegativeDurationIsAUsageError() {
    CliRun run = CliRun.of("demo", "--home", ROOT.toString(), "--duration", "-1");

    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().contains("--duration must be 0-86400 seconds: -1"), run.err());
  }

  @Test
  void anInstallationWithoutTheCollectorJarFailsWithOneLineNamingWhereItLooked() throws Exception {
    Files.createDirectories(home.resolve("examples"));
    Files.copy(ROOT.resolve(DemoCommand.EXAMPLE), home.resolve(DemoCommand.EXAMPLE));

    CliRun run = CliRun.of("demo", "--home", home.toString(), "--once");

    assertEquals(1, run.exit(), run.err());
    assertEquals(
        "fieldprint demo: collector not found at "
            + home.resolve("collector-api/target/fieldprint-collector.jar")
            + " (build it with ./fieldprint or mvn -pl agent,collector-api -am package)",
        run.err().strip());
  }
}
