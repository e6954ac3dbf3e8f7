package io.fieldprint.advisories.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.fieldprint.advisories.testing.SharedData;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderMetadataTest {
  private static final URI BASE =
      URI.create("https://www.example.com/.well-known/csaf/provider-metadata.json");

  @Test
  void specificationExampleGivesFeedAndDeclaredKey() throws IOException {
    byte[] bytes =
        Files.readAllBytes(
            SharedData.file(
                "oasis-csaf-2.0/examples/provider-metadata/example-01-provider-metadata.json"));

    ProviderMetadata m =
        assertInstanceOf(ProviderMetadata.Read.class, ProviderMetadata.parse(bytes, BASE))
            .metadata();

    assertEquals("csaf_trusted_provider", m.role());
    assertEquals(List.of(), m.directoryUrls());
    assertEquals(
        List.of(URI.create("https://www.example.com/.well-known/csaf/feed-tlp-white.json")),
        m.rolieFeeds());
    assertEquals(
        Optional.of("8F5F267907B2C4559DB360DB2294BA7D2B2298B1"),
        m.publicKeys().get(0).fingerprint());
  }

  @Test
  void metadataWithoutAnyDistributionIsRejected() {
    byte[] bytes =
        "{\"role\": \"csaf_provider\", \"distributions\": []}".getBytes(StandardCharsets.UTF_8);

    ProviderMetadata.Rejected r =
        assertInstanceOf(ProviderMetadata.Rejected.class, ProviderMetadata.parse(bytes, BASE));

    assertEquals("provider-metadata.json lists no directory_url and no ROLIE feed", r.reason());
  }
}
