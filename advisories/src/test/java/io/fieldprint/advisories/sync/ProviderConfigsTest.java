package io.fieldprint.advisories.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderConfigsTest {

  @Test
  void shippedProviderConfigsLoadWithoutProblems() throws IOException {
    Path shipped = Path.of(System.getProperty("user.dir")).resolve("../config/csaf-providers");

    ProviderConfigs.Loaded loaded = ProviderConfigs.load(shipped);

    assertEquals(List.of(), loaded.problems());
    assertEquals(
        List.of("certvde", "cisa"), loaded.providers().stream().map(ProviderConfig::name).toList());
    ProviderConfig cisa = loaded.providers().get(1);
    assertEquals(Set.of("144AED0A57BE7D4AE835D9D8CAC5AC4F74164B17"), cisa.keyFingerprints());
    assertTrue(cisa.requireSignatures() && cisa.requireHashes() && !cisa.trustOnFirstUse());
  }

  @Test
  void everyProblemOfAFileIsReportedAndTheFileYieldsNoProvider(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("bad.json"),
        """
        {"name": "bad", "metadata_url": "https://example.test/provider-metadata.json",
         "key_fingerprint": "ABCD", "key_fingerprints": ["not hex"],
         "key_files": ["missing.asc"], "require_signatures": "yes"}
        """);
    Files.writeString(
        dir.resolve("good.json"),
        """
        {"name": "good", "metadata_url": "https://example.test/provider-metadata.json",
         "key_fingerprints": ["f5f7 ffb6 32d9 eac7 1e74  f344 0cf5 e79a c3e3 e8ad"]}
        """);

    ProviderConfigs.Loaded loaded = ProviderConfigs.load(dir);

    assertEquals(List.of("good"), loaded.providers().stream().map(ProviderConfig::name).toList());
    assertEquals(
        Set.of("F5F7FFB632D9EAC71E74F3440CF5E79AC3E3E8AD"),
        loaded.providers().get(0).keyFingerprints());
    List<String> problems = loaded.problems();
    assertTrue(
        problems.stream().anyMatch(p -> p.startsWith("bad.json: key_fingerprint: unknown key")),
        problems::toString);
    assertTrue(
        problems.stream().anyMatch(p -> p.startsWith("bad.json: key_files: missing.asc not found")),
        problems::toString);
    assertTrue(
        problems.stream()
            .anyMatch(p -> p.equals("bad.json: require_signatures: must be true or false")),
        problems::toString);
    assertTrue(
        problems.stream().anyMatch(p -> p.contains("40 (v4) or 64 (v6) hex digits")),
        problems::toString);
  }
}
