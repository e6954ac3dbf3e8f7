package io.fieldprint.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldprint.protocols.inventory.Asset;
import io.fieldprint.protocols.inventory.Inventory;
import io.fieldprint.protocols.inventory.InventoryJson;
import io.fieldprint.protocols.model.Role;
import io.fieldprint.protocols.testing.InventorySchema;
import io.fieldprint.protocols.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  @TempDir static Path tmp;
  private static Path store;
  private static Path inventory;

  @BeforeAll
  static void importCorpusKevAndEpss() throws Exception {
    store = tmp.resolve("advisories.db");
    Path cisa = SharedData.root().resolve("csaf/cisa");
    CliRun imported =
        CliRun.of("advisories", "import", "--store", store.toString(), cisa.toString());
    assertEquals(0, imported.exit(), imported.err());
    assertTrue(imported.out().contains("2036 documents"), imported.out());
    assertTrue(imported.out().contains("2035 imported"), imported.out());

    Path kev =
        Files.writeString(
            tmp.resolve("kev.json"),
            """
        {"catalogVersion":"2024.06.10","dateReleased":"2024-06-10T15:00:04Z","count":1,
         "vulnerabilities":[{"cveID":"CVE-2018-7241","vendorProject":"Schneider Electric",
         "product":"Modicon","vulnerabilityName":"hard-coded account","dateAdded":"2024-01-02",
         "dueDate":"2024-01-23","knownRansomwareCampaignUse":"Unknown","notes":""}]}
        """);
    CliRun k = CliRun.of("advisories", "import-kev", "--store", store.toString(), kev.toString());
    assertEquals(0, k.exit(), k.err());
    Path epss =
        Files.writeString(
            tmp.resolve("epss.csv"),
            "#model_version:v2023.03.01,score_date:2024-06-10T00:00:00+0000\n"
                + "cve,epss,percentile\nCVE-2023-0286,0.01234,0.85\nCVE-2018-7240,0.2,0.96\n");
    CliRun e = CliRun.of("advisories", "import-epss", "--store", store.toString(), epss.toString());
    assertEquals(0, e.exit(), e.err());

    List<Asset> assets =
        List.of(
            asset(1, "Siemens AG", "CPU 1516-3 PN/DP", "6ES7 516-3AN01-0AB0", "V2.9.4"),
            asset(2, "Siemens AG", "CPU 1516-3 PN/DP", "6ES7 516-3AN01-0AB0", "V99.0"),
            asset(3, "Schneider Electric", "BMX P34 2020", "BMX P34 2020", null),
            asset(4, null, null, null, null));
    Inventory inv = new Inventory(List.of(), assets, List.of(), List.of(), List.of(), 0);
    inventory = Files.writeString(tmp.resolve("inventory.json"), new InventoryJson("t").write(inv));
  }

  @Test
  void matchAddsValidMatchesRiskiestFirstWithKevAndEpss() throws Exception {
    CliRun run = match("--format", "json");

    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of(), InventorySchema.violations(run.out()));
    JsonNode matches = MAPPER.readTree(run.out()).path("matches");
    List<String> pairs = new ArrayList<>();
    matches.forEach(
        m -> pairs.add(m.path("assetId").asText() + " " + m.path("advisoryId").asText()));
    assertTrue(pairs.contains("mac:02:00:00:00:00:01 ICSA-23-222-07"), pairs.toString());
    assertTrue(pairs.contains("mac:02:00:00:00:00:03 ICSA-18-086-01"), pairs.toString());
    assertTrue(
        pairs.stream().noneMatch(p -> p.startsWith("mac:02:00:00:00:00:02 ICSA-23-222-07")),
        "a device above the fixed version is not reported: " + pairs);
    assertTrue(
        pairs.stream().noneMatch(p -> p.startsWith("mac:02:00:00:00:00:04")), pairs.toString());

    JsonNode first = matches.get(0);
    assertEquals("ICSA-18-086-01", first.path("advisoryId").asText(), "the KEV match leads");
    assertEquals("CVE-2018-7241", first.path("kev").path("cve").asText());
    assertEquals(0.2, first.path("epss").path("score").asDouble());
    JsonNode siemens = find(matches, "ICSA-23-222-07");
    assertEquals("high", siemens.path("confidence").path("level").asText());
    assertEquals("V2.9.7", siemens.path("remediation").path("fixedVersion").asText());
    assertEquals(0.01234, siemens.path("epss").path("score").asDouble());
    assertTrue(siemens.path("kev").isNull());
    for (int i = 1; i < matches.size(); i++) {
      boolean kevBefore = !matches.get(i - 1).path("kev").isNull();
      boolean kevHere = !matches.get(i).path("kev").isNull();
      assertTrue(kevBefore || !kevHere, "KEV matches come first");
    }
  }

  @Test
  void minConfidenceConfirmedKeepsOnlyHighConfidenceMatches() throws Exception {
    CliRun run = match("--format", "json", "--min-confidence", "confirmed");
    assertEquals(0, run.exit(), run.err());
    JsonNode matches = MAPPER.readTree(run.out()).path("matches");
    assertTrue(matches.size() > 0);
    matches.forEach(m -> assertEquals("high", m.path("confidence").path("level").asText()));
  }

  @Test
  void theTableShowsAssetAdvisoryCvssKevConfidenceRuleAndFix() {
    CliRun run = match("--format", "table");
    assertEquals(0, run.exit(), run.err());
    String line =
        run.out().lines().filter(l -> l.contains("ICSA-23-222-07")).findFirst().orElseThrow();
    assertTrue(line.contains("mac:02:00:00:00:00:01"), line);
    assertTrue(line.contains("high (exact_model)"), line);
    assertTrue(line.contains("V2.9.4 vs vers:all/<V2.9.7: affected"), line);
    assertTrue(line.contains("V2.9.7"), line);
    assertTrue(run.out().contains("KEV: 2024.06.10 (1 CVEs)"), run.out());
  }

  @Test
  void matchingFilesDirectlyGivesTheSameMatchesAsTheStore() throws Exception {
    Path one = SharedData.root().resolve("csaf/cisa/csaf_files/OT/white/2023/icsa-23-222-07.json");
    CliRun run =
        CliRun.of(
            "match",
            "--advisories",
            one.toString(),
            "--inventory",
            inventory.toString(),
            "--store",
            store.toString(),
            "--format",
            "json");
    assertEquals(0, run.exit(), run.err());
    JsonNode matches = MAPPER.readTree(run.out()).path("matches");
    assertEquals(1, matches.size(), run.out());
    assertEquals(
        find(MAPPER.readTree(match("--format", "json").out()).path("matches"), "ICSA-23-222-07"),
        matches.get(0));
  }

  @Test
  void aMissingInventoryOrStoreIsOneLineAndANonZeroExit() {
    CliRun noStore =
        CliRun.of(
            "match",
            "--advisories",
            "store",
            "--store",
            tmp.resolve("none.db").toString(),
            "--inventory",
            inventory.toString());
    assertEquals(2, noStore.exit());
    assertTrue(noStore.err().startsWith("fieldprint: no advisory store at"), noStore.err());
    CliRun noInventory =
        CliRun.of(
            "match",
            "--advisories",
            "store",
            "--store",
            store.toString(),
            "--inventory",
            tmp.resolve("none.json").toString());
    assertEquals(1, noInventory.exit());
    assertEquals(
        "fieldprint: cannot read the inventory " + tmp.resolve("none.json") + ": no such file",
        noInventory.err().strip());
    CliRun noCorpus =
        CliRun.of("advisories", "import", "--store", store.toString(), tmp.resolve("x").toString());
    assertEquals(1, noCorpus.exit());
    assertEquals("fieldprint: no such file or folder: " + tmp.resolve("x"), noCorpus.err().strip());
  }

  @Test
  void showAndListReadTheStore() {
    CliRun show = CliRun.of("advisories", "show", "--store", store.toString(), "ICSA-23-222-07");
    assertEquals(0, show.exit(), show.err());
    assertTrue(show.out().contains("icsa-23-222-07.json"), show.out());
    CliRun missing = CliRun.of("advisories", "show", "--store", store.toString(), "NOPE-1");
    assertEquals(1, missing.exit());
    CliRun list = CliRun.of("advisories", "list", "--store", store.toString());
    assertTrue(list.out().contains("2035 advisories"), list.out());
  }

  private static CliRun match(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "match",
                "--advisories",
                "store",
                "--store",
                store.toString(),
                "--inventory",
                inventory.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static JsonNode find(JsonNode matches, String advisoryId) {
    for (JsonNode m : matches) {
      if (m.path("advisoryId").asText().equals(advisoryId)) {
        return m;
      }
    }
    throw new AssertionError(advisoryId + " not in " + matches);
  }

  static Asset asset(int n, String vendor, String product, String model, String firmware) {
    String mac = String.format("02:00:00:00:00:%02x", n);
    return new Asset(
        "mac:" + mac,
        List.of(),
        List.of(mac),
        null,
        vendor,
        product,
        model,
        firmware,
        null,
        null,
        Role.PLC,
        null,
        Map.of(),
        List.of(),
        null,
        null,
        List.of(),
        0);
  }
}
