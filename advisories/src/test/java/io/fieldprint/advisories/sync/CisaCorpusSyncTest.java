package io.fieldprint.advisories.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fieldprint.advisories.testing.SharedData;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Serves the whole shared CISA tree (2,035 documents) as CISA publishes it (its own unsorted {@code
 * changes.csv} with repository-root paths, its {@code index.txt}, its {@code .sha512} files and its
 * ROLIE feed with the links rewritten to the loopback server). Only the {@code .asc} files are
 * replaced: CISA's public key is not in the shared data, so the test signs each document with its
 * own key.
 */
class CisaCorpusSyncTest {
  private static final String WHITE = "/cisagov/CSAF/develop/csaf_files/OT/white/";
  private static final String GITHUB = "https://raw.githubusercontent.com/";

  @Test
  void wholeCisaTreeSyncsFromItsRolieFeedThenItsUnsortedChangesCsvFindsNothingNew()
      throws IOException {
    Path white = SharedData.csaf().resolve("cisa/csaf_files/OT/white");
    List<Path> documents = SharedData.cisaDocuments();
    TestSigningKey key = TestSigningKey.generate("Test signer for CISA documents <t@example.test>");
    try (ProviderServer server = new ProviderServer()) {
      serve(server, white, documents, key);
      InMemorySyncState state = new InMemorySyncState();
      RecordingSink sink = new RecordingSink();
      CsafSchemaCheck schema = CsafSchemaCheck.load(SharedData.csaf().resolve("oasis-csaf-2.0"));
      CsafProviderSync sync = new CsafProviderSync(limits(), schema);

      SyncReport.ProviderReport rolie =
          sync.sync(config(server, key, Distribution.ROLIE), state, sink);
      server.resetHits();
      SyncReport.ProviderReport directory =
          sync.sync(config(server, key, Distribution.DIRECTORY), state, sink);

      assertEquals(List.of(), rolie.errors());
      assertEquals(List.of(), rolie.rejected());
      assertEquals(documents.size(), rolie.listed());
      assertEquals(documents.size(), rolie.added());
      assertEquals(List.of(), directory.errors());
      assertEquals(documents.size(), directory.listed());
      assertEquals(documents.size(), directory.unchanged());
      assertEquals(0, directory.fetched());
      assertEquals(1, server.hits(WHITE + "changes.csv"));
      assertEquals(0, server.documentHits(WHITE));
    }
  }

  private static SyncLimits limits() {
    return SyncLimits.defaults().withMinRequestInterval(Duration.ZERO);
  }

  private static ProviderConfig config(ProviderServer server, TestSigningKey key, Distribution d) {
    return new ProviderConfig(
        "cisa",
        server.base().resolve("provider-metadata.json"),
        Set.of(key.fingerprint()),
        List.of(),
        false,
        true,
        true,
        d);
  }

  private static void serve(
      ProviderServer server, Path white, List<Path> documents, TestSigningKey key)
      throws IOException {
    URI base = server.base();
    server.mount(WHITE, white);
    for (Path doc : documents) {
      String rel = TestProviderTree.relative(doc);
      server.put(WHITE + rel + ".asc", key.sign(Files.readAllBytes(doc)));
    }
    String local = base.toString();
    String feed =
        Files.readString(white.resolve("cisa-csaf-ot-feed-tlp-white.json")).replace(GITHUB, local);
    server.put(WHITE + "cisa-csaf-ot-feed-tlp-white.json", feed.getBytes(StandardCharsets.UTF_8));
    server.put("/openpgp/test.asc", key.armoredPublicKey());
    String metadata =
        """
        {"canonical_url": "%sprovider-metadata.json", "metadata_version": "2.0",
         "role": "csaf_trusted_provider", "last_updated": "2024-10-24T00:00:00Z",
         "list_on_CSAF_aggregators": true, "mirror_on_CSAF_aggregators": true,
         "publisher": {"category": "coordinator", "name": "CISA (loopback copy)",
                       "namespace": "https://www.cisa.gov/"},
         "distributions": [
           {"directory_url": "%s%s"},
           {"rolie": {"feeds": [{"tlp_label": "WHITE", "url": "%s%scisa-csaf-ot-feed-tlp-white.json"}]}}],
         "public_openpgp_keys": [{"url": "%sopenpgp/test.asc"}]}
        """
            .formatted(local, local, WHITE.substring(1), local, WHITE.substring(1), local);
    server.put("/provider-metadata.json", metadata.getBytes(StandardCharsets.UTF_8));
  }
}
