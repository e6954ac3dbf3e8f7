package io.fieldprint.advisories.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fieldprint.advisories.testing.SharedData;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RolieFeedTest {
  private static final URI FEED = URI.create("https://example.test/csaf/feed-tlp-white.json");

  @Test
  void specificationExampleFeedNamesDocumentHashAndSignature() throws IOException {
    byte[] example =
        Files.readAllBytes(
            SharedData.file("oasis-csaf-2.0/examples/ROLIE/example-01-feed-tlp-white.json"));

    RolieFeed.Entries entries = RolieFeed.parse(example, FEED);

    assertEquals(List.of(), entries.problems());
    DocumentRef first = entries.documents().get(0);
    assertEquals(first.url() + ".asc", first.signatureUrl().orElseThrow().toString());
    assertFalse(first.hashUrls().isEmpty());
    assertFalse(first.listed().isEmpty());
  }

  @Test
  void entryWithoutContentFallsBackToSelfLinkAndEntryWithNeitherIsAProblem() {
    String feed =
        """
        {"feed": {"entry": [
          {"link": [{"rel": "self", "href": "2024/a.json"},
                    {"rel": "hash", "href": "2024/a.json.sha256"},
                    {"rel": "hash", "href": "2024/a.json.sha512"}],
           "updated": "2024-01-01T12:00:00.000Z"},
          {"link": [{"rel": "signature", "href": "2024/b.json.asc"}]}
        ]}}
        """;

    RolieFeed.Entries entries = RolieFeed.parse(feed.getBytes(StandardCharsets.UTF_8), FEED);

    assertEquals(1, entries.documents().size());
    DocumentRef a = entries.documents().get(0);
    assertEquals(FEED.resolve("2024/a.json"), a.url());
    assertEquals(2, a.hashUrls().size());
    assertEquals(Optional.of(Instant.parse("2024-01-01T12:00:00Z")), a.listed());
    assertEquals(
        List.of("ROLIE entry 1 of " + FEED + " names no document URL"), entries.problems());
  }

  @Test
  void feedThatIsNotJsonIsUnusable() {
    RolieFeed.Entries entries = RolieFeed.parse("<html>".getBytes(StandardCharsets.UTF_8), FEED);

    assertFalse(entries.usable());
    assertEquals(List.of("ROLIE feed " + FEED + " is not JSON"), entries.problems());
  }
}
