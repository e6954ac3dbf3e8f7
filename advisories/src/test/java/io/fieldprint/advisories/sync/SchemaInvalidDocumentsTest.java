package io.fieldprint.advisories.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.advisories.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The OASIS validator test cases for 6.1.8 (invalid CVSS) break the CSAF 2.0 schema itself. Served
 * correctly hashed and signed next to 20 real CISA documents, each is rejected by the schema check
 * with the violated member named, and the CISA documents are accepted.
 */
class SchemaInvalidDocumentsTest {
  private static final List<String> INVALID =
      List.of(
          "oasis_csaf_tc-csaf_2_0-2021-6-1-08-01.json",
          "oasis_csaf_tc-csaf_2_0-2021-6-1-08-02.json",
          "oasis_csaf_tc-csaf_2_0-2021-6-1-08-03.json");

  @Test
  void schemaInvalidDocumentsAreRejectedWithTheViolationAndValidOnesAccepted() throws IOException {
    Path oasis = SharedData.csaf().resolve("oasis-csaf-2.0");
    List<Path> cisa = SharedData.cisaDocuments().subList(0, 20);
    TestSigningKey key = TestSigningKey.generate("Schema test <t@example.test>");
    try (ProviderServer server = new ProviderServer()) {
      TestProviderTree tree = new TestProviderTree(server, key);
      tree.publishAll(cisa);
      for (String name : INVALID) {
        tree.publish(
            "2021/" + name,
            Files.readAllBytes(oasis.resolve("test/validator/data/mandatory/" + name)));
      }
      ProviderConfig config =
          new ProviderConfig(
              "test",
              tree.metadataUrl(),
              Set.of(key.fingerprint()),
              List.of(),
              false,
              true,
              true,
              Distribution.DIRECTORY);
      CsafProviderSync sync =
          new CsafProviderSync(
              SyncLimits.defaults().withMinRequestInterval(Duration.ZERO),
              CsafSchemaCheck.load(oasis));

      SyncReport.ProviderReport report =
          sync.sync(config, new InMemorySyncState(), new RecordingSink());

      Map<String, String> reasons = new TreeMap<>();
      for (SyncReport.Rejection r : report.rejected()) {
        String path = r.url().getPath();
        reasons.put(path.substring(path.lastIndexOf('/') + 1), r.reason());
      }
      assertEquals(Set.copyOf(INVALID), reasons.keySet());
      assertTrue(
          reasons
              .get(INVALID.get(0))
              .startsWith(
                  "CSAF 2.0 schema: /vulnerabilities/0/scores/0/cvss_v3/vectorString: does not match"));
      assertTrue(
          reasons
              .get(INVALID.get(2))
              .equals(
                  "CSAF 2.0 schema: /vulnerabilities/0/scores/0/cvss_v2: required property 'version' not found"),
          reasons.get(INVALID.get(2)));
      assertEquals(cisa.size(), report.added());
      assertEquals(List.of(), report.errors());
    }
  }

  @Test
  void nonJsonIsRejectedBeforeTheSchemaRuns() throws IOException {
    CsafSchemaCheck check = CsafSchemaCheck.load(SharedData.csaf().resolve("oasis-csaf-2.0"));

    assertTrue(
        check
            .problem("<html>".getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .orElseThrow()
            .startsWith("not JSON"));
  }
}
