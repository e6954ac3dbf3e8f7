package io.fieldprint.advisories.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a CSAF ROLIE feed (requirement 15, RFC 8322 in JSON): {@code feed.entry[]} with the
 * document in {@code content.src} (else the {@code link} with {@code rel=self}), hash files as
 * {@code link[]} with {@code rel=hash}, the signature as {@code rel=signature}, and {@code
 * updated}.
 */
final class RolieFeed {
  private RolieFeed() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The entries and the ones that could not be used.
   *
   * @param documents the usable entries
   * @param problems one line per skipped entry, or why the feed is unusable
   * @param usable whether the feed itself could be read
   */
  record Entries(List<DocumentRef> documents, List<String> problems, boolean usable) {}

  static Entries parse(byte[] bytes, URI feedUrl) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      return new Entries(List.of(), List.of("ROLIE feed " + feedUrl + " is not JSON"), false);
    }
    if (root == null || !root.path("feed").isObject()) {
      return new Entries(
          List.of(), List.of("ROLIE feed " + feedUrl + " has no feed object"), false);
    }
    List<DocumentRef> refs = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : root.path("feed").path("entry")) {
      Optional<DocumentRef> ref = entry(entry, feedUrl);
      if (ref.isPresent()) {
        refs.add(ref.get());
      } else {
        problems.add("ROLIE entry " + index + " of " + feedUrl + " names no document URL");
      }
      index++;
    }
    return new Entries(refs, problems, true);
  }

  private static Optional<DocumentRef> entry(JsonNode entry, URI feedUrl) {
    List<URI> hashes = new ArrayList<>();
    List<URI> signatures = new ArrayList<>();
    List<URI> selves = new ArrayList<>();
    for (JsonNode link : entry.path("link")) {
      Optional<URI> href = url(link.path("href"), feedUrl);
      String rel = link.path("rel").asText("");
      if (href.isEmpty()) {
        continue;
      }
      switch (rel) {
        case "hash" -> hashes.add(href.get());
        case "signature" -> signatures.add(href.get());
        case "self" -> selves.add(href.get());
        default -> {
          // other relations (alternate, related...) carry nothing a consumer must check
        }
      }
    }
    Optional<URI> document =
        url(entry.path("content").path("src"), feedUrl).or(() -> selves.stream().findFirst());
    Optional<java.time.Instant> updated = date(entry.path("updated").asText(""));
    return document.map(d -> new DocumentRef(d, updated, hashes, signatures.stream().findFirst()));
  }

  private static Optional<URI> url(JsonNode node, URI base) {
    if (!node.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(base.resolve(new URI(node.asText().trim())));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> date(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
