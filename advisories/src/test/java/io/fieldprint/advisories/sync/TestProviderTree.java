package io.fieldprint.advisories.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A CSAF trusted provider built at test time from real CISA documents: {@code
 * /.well-known/csaf/provider-metadata.json} listing a directory distribution and a ROLIE feed,
 * {@code index.txt}, an unsorted {@code changes.csv} in the CSAF 2.0 quoted form, a {@code .sha512}
 * and a signed {@code .asc} beside every document, and the public key under {@code /openpgp/}.
 */
final class TestProviderTree {
  static final String METADATA = "/.well-known/csaf/provider-metadata.json";
  static final String FOLDER = "/csaf/white/";
  static final String FEED = FOLDER + "feed-tlp-white.json";
  static final String KEY = "/openpgp/provider.asc";

  private static final ObjectMapper JSON = new ObjectMapper();

  final ProviderServer server;
  final TestSigningKey key;

  /** Relative path (YEAR/name.json) to listed current_release_date. */
  private final Map<String, Instant> listed = new LinkedHashMap<>();

  TestProviderTree(ProviderServer server, TestSigningKey key) {
    this.server = server;
    this.key = key;
  }

  URI metadataUrl() {
    return server.base().resolve(METADATA.substring(1));
  }

  URI documentUrl(String relative) {
    return server.base().resolve(FOLDER.substring(1) + relative);
  }

  /** Publishes real documents (read from shared data), signed and hashed, then the listings. */
  void publishAll(List<Path> documents) {
    for (Path doc : documents) {
      try {
        publishQuietly(relative(doc), Files.readAllBytes(doc));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    writeListings();
  }

  /** Publishes (or revises) one document with its sidecars and rewrites the listings. */
  void publish(String relative, byte[] bytes) {
    publishQuietly(relative, bytes);
    writeListings();
  }

  /** Replaces a document's bytes only (no new hash or signature) and lists it as changed. */
  void tamper(String relative, byte[] bytes, Instant listedAt) {
    server.put(FOLDER + relative, bytes);
    listed.put(relative, listedAt);
    writeListings();
  }

  /** Lists a document as changed at a date, without touching its files. */
  void relist(String relative, Instant listedAt) {
    listed.put(relative, listedAt);
    writeListings();
  }

  List<String> documents() {
    return List.copyOf(listed.keySet());
  }

  static String relative(Path doc) {
    return doc.getParent().getFileName() + "/" + doc.getFileName();
  }

  private void publishQuietly(String relative, byte[] bytes) {
    String path = FOLDER + relative;
    server.put(path, bytes);
    String name = relative.substring(relative.indexOf('/') + 1);
    server.put(
        path + ".sha512",
        (HashFile.digest("SHA-512", bytes) + "  " + name + "\n")
            .getBytes(StandardCharsets.US_ASCII));
    server.put(path + ".asc", key.sign(bytes));
    listed.put(relative, currentReleaseDate(bytes));
  }

  private static Instant currentReleaseDate(byte[] bytes) {
    try {
      JsonNode tracking = JSON.readTree(bytes).path("document").path("tracking");
      return Instant.parse(tracking.path("current_release_date").asText());
    } catch (IOException | RuntimeException e) {
      return Instant.parse("2020-01-01T00:00:00Z");
    }
  }

  /** Writes metadata, index.txt, an unsorted changes.csv, the ROLIE feed and the key. */
  void writeListings() {
    URI base = server.base();
    server.put(KEY, key.armoredPublicKey());
    ObjectNode metadata = JSON.createObjectNode();
    metadata.put("canonical_url", metadataUrl().toString());
    metadata.put("last_updated", "2024-10-24T00:00:00Z");
    metadata.put("list_on_CSAF_aggregators", true);
    metadata.put("metadata_version", "2.0");
    metadata.put("mirror_on_CSAF_aggregators", true);
    metadata.put("role", "csaf_trusted_provider");
    ObjectNode publisher = metadata.putObject("publisher");
    publisher.put("category", "coordinator");
    publisher.put("name", "Test provider serving CISA documents");
    publisher.put("namespace", "https://www.cisa.gov/");
    ArrayNode distributions = metadata.putArray("distributions");
    distributions.addObject().put("directory_url", base.resolve(FOLDER.substring(1)).toString());
    ObjectNode feed = distributions.addObject().putObject("rolie").putArray("feeds").addObject();
    feed.put("tlp_label", "WHITE");
    feed.put("url", base.resolve(FEED.substring(1)).toString());
    ObjectNode key = metadata.putArray("public_openpgp_keys").addObject();
    key.put("fingerprint", this.key.fingerprint());
    key.put("url", base.resolve(KEY.substring(1)).toString());
    server.put(METADATA, bytes(metadata));

    List<String> changes = new ArrayList<>();
    StringBuilder index = new StringBuilder();
    listed.forEach(
        (rel, date) -> {
          changes.add("\"" + rel + "\",\"" + date + "\"\n");
          index.append(rel).append('\n');
        });
    Collections.shuffle(changes, new Random(42));
    server.put(FOLDER + "changes.csv", String.join("", changes).getBytes(StandardCharsets.UTF_8));
    server.put(FOLDER + "index.txt", index.toString().getBytes(StandardCharsets.UTF_8));
    server.put(FEED, bytes(feed()));
  }

  private ObjectNode feed() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode feed = root.putObject("feed");
    feed.put("id", "test-csaf-feed-tlp-white");
    feed.put("title", "Test CSAF feed (TLP:WHITE)");
    feed.put("updated", "2024-10-24T00:00:00Z");
    ArrayNode entries = feed.putArray("entry");
    listed.forEach(
        (rel, date) -> {
          String url = documentUrl(rel).toString();
          ObjectNode e = entries.addObject();
          e.put("id", rel);
          e.put("title", rel);
          ArrayNode links = e.putArray("link");
          links.addObject().put("rel", "self").put("href", url);
          links.addObject().put("rel", "hash").put("href", url + ".sha512");
          links.addObject().put("rel", "signature").put("href", url + ".asc");
          e.put("published", date.toString());
          e.put("updated", date.toString());
          e.putObject("content").put("type", "application/json").put("src", url);
        });
    return root;
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
