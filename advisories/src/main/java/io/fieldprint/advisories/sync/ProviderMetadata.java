package io.fieldprint.advisories.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a consumer needs from {@code provider-metadata.json} (CSAF 2.0 requirement 7, schema {@code
 * provider_json_schema.json}): where the documents are and which keys sign them.
 *
 * @param publisherName {@code publisher.name}
 * @param role {@code role}: csaf_publisher, csaf_provider or csaf_trusted_provider
 * @param directoryUrls {@code distributions[].directory_url}
 * @param rolieFeeds {@code distributions[].rolie.feeds[].url}
 * @param publicKeys {@code public_openpgp_keys[]}
 */
public record ProviderMetadata(
    String publisherName,
    String role,
    List<URI> directoryUrls,
    List<URI> rolieFeeds,
    List<PublishedKey> publicKeys) {

  public ProviderMetadata {
    directoryUrls = List.copyOf(directoryUrls);
    rolieFeeds = List.copyOf(rolieFeeds);
    publicKeys = List.copyOf(publicKeys);
  }

  /**
   * An entry of {@code public_openpgp_keys}.
   *
   * @param url where the key is
   * @param fingerprint the fingerprint the provider declares (upper-case hex), if any; a claim, not
   *     a proof
   */
  public record PublishedKey(URI url, Optional<String> fingerprint) {}

  /** The outcome of reading the metadata. */
  sealed interface Parsed {}

  record Read(ProviderMetadata metadata) implements Parsed {}

  record Rejected(String reason) implements Parsed {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads the metadata; URLs are resolved against {@code base}, where it was fetched from. */
  static Parsed parse(byte[] bytes, URI base) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      return new Rejected(
          "provider-metadata.json is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isObject()) {
      return new Rejected("provider-metadata.json is not a JSON object");
    }
    List<URI> directories = new ArrayList<>();
    List<URI> feeds = new ArrayList<>();
    for (JsonNode distribution : root.path("distributions")) {
      url(distribution.path("directory_url"), base).ifPresent(directories::add);
      for (JsonNode feed : distribution.path("rolie").path("feeds")) {
        url(feed.path("url"), base).ifPresent(feeds::add);
      }
    }
    List<PublishedKey> keys = new ArrayList<>();
    for (JsonNode key : root.path("public_openpgp_keys")) {
      Optional<URI> url = url(key.path("url"), base);
      Optional<String> fingerprint =
          key.path("fingerprint").isTextual()
              ? Optional.of(Fingerprints.normalise(key.path("fingerprint").asText()))
              : Optional.empty();
      url.ifPresent(u -> keys.add(new PublishedKey(u, fingerprint)));
    }
    if (directories.isEmpty() && feeds.isEmpty()) {
      return new Rejected("provider-metadata.json lists no directory_url and no ROLIE feed");
    }
    return new Read(
        new ProviderMetadata(
            root.path("publisher").path("name").asText(""),
            root.path("role").asText(""),
            directories,
            feeds,
            keys));
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
}
