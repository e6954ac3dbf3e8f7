package io.fieldprint.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.inventory.Asset;
import io.fieldprint.protocols.inventory.Inventory;
import io.fieldprint.protocols.inventory.InventoryJson;
import io.fieldprint.protocols.testing.InventorySchema;
import io.fieldprint.protocols.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo run in-process on the repository's plant description, capture and advisories. */
class DemoCommandTest {
  private static final String ROOT =
      Path.of(System.getProperty("fieldprint.root", "..")).toAbsolutePath().toString();

  /** No further advisories: only the four demo documents (the shared corpus is the default). */
  @TempDir Path noFurtherAdvisories;

  @Test
  void demoPrintsThePlantAndCaptureDevicesTheirFindingsAndMatchesWithReasons() {
    CliRun run = CliRun.of("demo", "--home", ROOT, "--advisories", noFurtherAdvisories.toString());

    assertEquals(0, run.exit(), run.err());
    String out = run.out();
    assertTrue(out.startsWith("ASSETS (13)"), out);
    for (String device :
        List.of("DA5-5100-0AB0", "NW-Gateway 40", "DA2-220-1BA0", "DA-RTU 700", "6ES7 315-2EH14")) {
      assertTrue(out.contains(device), device + " in " + out);
    }
    assertTrue(out.contains("opcua.certificate-expired         ip:127.0.0.12@"), out);
    assertTrue(out.contains("MATCHES (3, against 4 advisories)"), out);
    assertTrue(out.contains("confidence: 1 high, 1 medium, 1 low"), out);
    assertTrue(
        out.contains(
            "why: model 'DA5-5100-0AB0' matches advisory model number 'DA5-5100-*';"
                + " V2.3.1 < 2.4.0"),
        out);
    assertTrue(out.contains("why: version not decided:"), out);
    assertFalse(out.contains("DEMO-2026-0002"), "the patched DA-IO 220 is not affected: " + out);
    assertTrue(
        run.err().contains("fieldprint demo: fieldprint scan opc.tcp://127.0.0.11:"), run.err());
  }

  @Test
  void demoJsonIsASchemaValidInventoryWithOneMatchPerIntendedConfidence() throws Exception {
    Path cisa = SharedData.root().resolve("csaf/cisa");
    CliRun run =
        CliRun.of("demo", "--home", ROOT, "--format", "json", "--advisories", cisa.toString());

    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of(), InventorySchema.violations(run.out()));
    Inventory inv = InventoryJson.read(run.out());
    Set<String> matches = new TreeSet<>();
    Set<String> published = new TreeSet<>();
    for (Object m : inv.matches()) {
      Map<?, ?> match = (Map<?, ?>) m;
      Asset asset =
          inv.assets().stream().filter(a -> a.id().equals(match.get("assetId"))).findFirst().get();
      String line =
          asset.ip().get(0)
              + " "
              + match.get("advisoryId")
              + " "
              + ((Map<?, ?>) match.get("confidence")).get("level");
      (line.contains(" DEMO-") ? matches : published).add(line);
    }
    assertEquals(
        Set.of(
            "127.0.0.11 DEMO-2026-0001 high",
            "127.0.0.22 DEMO-2026-0003 medium",
            "127.0.0.12 DEMO-2026-0004 low"),
        matches);
    // the capture's real devices (S7-300 CPU at .10) meet the published CISA advisories too
    assertTrue(
        published.stream().anyMatch(l -> l.startsWith("192.168.10.10 ICSA-") && l.endsWith("high")),
        published.toString());
    assertTrue(
        inv.sources().stream().anyMatch(s -> s.kind().equals("pcap")), "the capture is a source");
    assertEquals(5, inv.sources().stream().filter(s -> s.kind().equals("scan")).count());
  }

  @Test
  void anAdvisoriesPathThatIsNoFolderIsAUsageError() {
    CliRun run = CliRun.of("demo", "--home", ROOT, "--advisories", ROOT + "/no-such-folder");

    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().contains("--advisories must be a folder of CSAF documents"), run.err());
  }

  @Test
  void aNegativeDurationIsAUsageError() {
    CliRun run = CliRun.of("demo", "--home", ROOT, "--duration", "-1");

    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().contains("--duration must be 0-86400 seconds: -1"), run.err());
  }
}
