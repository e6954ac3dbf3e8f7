package io.fieldprint.collector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.advisories.sync.ProviderConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code advisories.providers} and the sync keys beside it. */
class AdvisorySyncConfigTest {
  /** The repository's provider files (surefire runs in the module folder). */
  private static final Path PROVIDERS = Path.of("..", "config", "csaf-providers").toAbsolutePath();

  @TempDir Path dir;
  private final ConfigReader reader = new ConfigReader();

  @Test
  void withoutProvidersThereIsNoSyncAndTheDefaultsAreDocumented() throws Exception {
    AdvisorySync sync = reader.parse("dataDirectory: d\n", dir).advisorySync();
    assertFalse(sync.enabled());
    assertEquals(Duration.ofHours(6), sync.interval());
    assertEquals(Duration.ofMillis(200), sync.requestGap());
    assertEquals(5_000, sync.maxDocumentsPerRun());
  }

  @Test
  void aProviderFileOfTheRepositoryAndAnInlineProviderAreRead() throws Exception {
    Files.writeString(dir.resolve("vendor.asc"), "not checked until the sync reads it");
    String yaml =
        """
        dataDirectory: d
        advisories:
          syncInterval: 90m
          syncRequestGapMillis: 0
          providers:
            - file: %s
            - name: vendor-x
              metadataUrl: https://vendor.example/.well-known/csaf/provider-metadata.json
              keyFiles: [vendor.asc]
              distribution: rolie
        """
            .formatted(PROVIDERS.resolve("cisa.json"));
    AdvisorySync sync = reader.parse(yaml, dir).advisorySync();
    assertEquals(Duration.ofMinutes(90), sync.interval());
    assertEquals(Duration.ZERO, sync.requestGap());
    List<ProviderConfig> providers = sync.providers();
    assertEquals(
        List.of("cisa", "vendor-x"), providers.stream().map(ProviderConfig::name).toList());
    assertTrue(providers.get(0).requireSignatures());
    assertEquals(1, providers.get(0).keyFingerprints().size());
    assertEquals(List.of(dir.resolve("vendor.asc")), providers.get(1).keyFiles());
    assertTrue(providers.get(1).requireHashes());
  }

  @Test
  void badSyncSettingsAreAllReported() {
    String yaml =
        """
        dataDirectory: d
        advisories:
          syncInterval: 6 hours
          schemaDirectory: nowhere
          providers:
            - file: missing.json
            - name: Bad Name
              metadataUrl: https://x.example/provider-metadata.json
            - name: ok
              metadataUrl: relative/provider-metadata.json
              keyFile: typo.asc
        """;
    List<String> p = assertThrows(ConfigException.class, () -> reader.parse(yaml, dir)).problems();
    assertTrue(has(p, "advisories.syncInterval: must be a number and a unit"), p.toString());
    assertTrue(has(p, "advisories.schemaDirectory: no csaf_json_schema.json"), p.toString());
    assertTrue(has(p, "advisories.providers[0].file: no provider file at"), p.toString());
    assertTrue(has(p, "advisories.providers[1]: provider name must match"), p.toString());
    assertTrue(has(p, "advisories.providers[2].keyFile: unknown key"), p.toString());
    assertTrue(
        has(p, "advisories.providers[2]: metadata_url must be an absolute URL"), p.toString());
    assertEquals(6, p.size(), p.toString());
  }

  @Test
  void theIntervalMustLieBetweenOneSecondAndThirtyDays() {
    for (String interval : List.of("0s", "31d")) {
      List<String> p =
          assertThrows(
                  ConfigException.class,
                  () ->
                      reader.parse(
                          "dataDirectory: d\nadvisories:\n  syncInterval: " + interval + "\n", dir))
              .problems();
      assertEquals(List.of("advisories.syncInterval: must be between 1s and 30d"), p);
    }
  }

  private static boolean has(List<String> problems, String start) {
    return problems.stream().anyMatch(x -> x.startsWith(start));
  }
}
