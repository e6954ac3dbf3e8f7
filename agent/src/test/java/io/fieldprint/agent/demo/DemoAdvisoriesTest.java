package io.fieldprint.agent.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.csaf.CsafResult;
import io.fieldprint.advisories.sync.CsafSchemaCheck;
import io.fieldprint.protocols.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DemoAdvisoriesTest {
  private static final Path ROOT = Path.of(System.getProperty("fieldprint.root", ".."));
  private static final Path FOLDER = ROOT.resolve("config/demo/advisories");

  @Test
  void everyDemoAdvisoryIsValidAgainstTheCsaf20Schema() throws Exception {
    CsafSchemaCheck schema = CsafSchemaCheck.load(SharedData.root().resolve("csaf/oasis-csaf-2.0"));
    List<Path> files = files();
    assertEquals(4, files.size(), files.toString());
    for (Path file : files) {
      assertEquals(Optional.empty(), schema.problem(Files.readAllBytes(file)), file.toString());
    }
  }

  @Test
  void everyDemoAdvisoryReadsWithoutProblemsAndSaysItIsFictitious() throws Exception {
    for (Path file : files()) {
      CsafResult result = new CsafReader().read(Files.readAllBytes(file));
      CsafDocument doc = (CsafDocument) result;
      assertEquals(List.of(), doc.problems(), file.toString());
      assertEquals("csaf_security_advisory", doc.category());
      assertEquals("WHITE", doc.tlpLabel());
      assertTrue(doc.tracking().id().startsWith("DEMO-"), doc.tracking().id());
      assertTrue(doc.title().startsWith("[DEMO] "), doc.title());
      assertTrue(
          doc.vulnerabilities().stream().allMatch(v -> v.cve().isEmpty()),
          "demo vulnerabilities carry DEMO ids, never CVE ids: " + file);
    }
  }

  @Test
  void theFolderReaderReadsTheDemoAdvisoriesAndRejectsNone() throws Exception {
    AdvisoryFolder folder = AdvisoryFolder.read(FOLDER);

    assertEquals(List.of(), folder.rejected());
    assertEquals(
        List.of("DEMO-2026-0001", "DEMO-2026-0002", "DEMO-2026-0003", "DEMO-2026-0004"),
        folder.documents().stream().map(d -> d.tracking().id()).toList());
  }

  private static List<Path> files() throws Exception {
    try (Stream<Path> list = Files.list(FOLDER)) {
      return list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }
}
