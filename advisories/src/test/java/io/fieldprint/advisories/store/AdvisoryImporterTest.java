package io.fieldprint.advisories.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdvisoryImporterTest {
  @TempDir Path tmp;

  @Test
  void theCisaTreeImportsOnceAndASecondImportChangesNothing() {
    Path cisa = SharedData.csaf().resolve("cisa");
    try (SqliteAdvisoryStore store = SqliteAdvisoryStore.open(tmp.resolve("a.db"))) {
      AdvisoryImporter importer = new AdvisoryImporter(store, new CsafReader());

      ImportSummary first = importer.importPaths(List.of(cisa));
      assertEquals(2035, first.imported());
      assertEquals(1, first.rejected().size(), "the ROLIE feed file is not a CSAF document");
      assertTrue(first.rejected().get(0).origin().endsWith("cisa-csaf-ot-feed-tlp-white.json"));
      long sequence = store.sequence();

      ImportSummary second = importer.importPaths(List.of(cisa));
      assertEquals(0, second.imported() + second.updated());
      assertEquals(2035, second.unchanged());
      assertEquals(List.of(), store.changedSince(sequence));
      assertEquals(2035, store.list().size());
    }
  }

  @Test
  void schemaInvalidDocumentsAreRejectedEachWithAReasonAndTheGoodOnesStillImport()
      throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("in"));
    Files.write(folder.resolve("good.json"), StoreDocuments.original());
    Files.writeString(folder.resolve("not-json.json"), "{\"document\": ");
    Files.writeString(
        folder.resolve("wrong-version.json"),
        "{\"document\":{\"csaf_version\":\"1.2\",\"tracking\":{\"id\":\"X\"}}}");
    try (SqliteAdvisoryStore store = SqliteAdvisoryStore.open(tmp.resolve("a.db"))) {
      ImportSummary s = new AdvisoryImporter(store, new CsafReader()).importPaths(List.of(folder));

      assertEquals(1, s.imported());
      assertEquals(2, s.rejected().size());
      assertTrue(s.rejected().get(0).reason().startsWith("not valid JSON"), s.toString());
      assertTrue(s.rejected().get(1).reason().contains("csaf_version"), s.toString());
      assertEquals(2, store.rejections(10).size());
    }
  }

  @Test
  void aNewerVersionInTheSameImportReplacesAndAnOlderOneIsIgnored() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("in"));
    Files.write(folder.resolve("a-original.json"), StoreDocuments.original());
    Files.write(
        folder.resolve("b-newer.json"), StoreDocuments.revised("9", "2031-01-01T00:00:00Z"));
    Files.write(
        folder.resolve("c-older.json"), StoreDocuments.revised("1", "2001-01-01T00:00:00Z"));
    try (SqliteAdvisoryStore store = SqliteAdvisoryStore.open(tmp.resolve("a.db"))) {
      ImportSummary s = new AdvisoryImporter(store, new CsafReader()).importPaths(List.of(folder));

      assertEquals(1, s.imported());
      assertEquals(1, s.updated());
      assertEquals(1, s.ignored().size());
      assertTrue(s.ignored().get(0).origin().endsWith("c-older.json"));
      assertEquals("9", store.get("ICSA-23-222-07").orElseThrow().summary().version());
    }
  }
}
