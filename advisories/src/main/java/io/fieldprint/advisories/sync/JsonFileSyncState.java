package io.fieldprint.advisories.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sync state in one JSON file, rewritten atomically (temp file, then move) on every {@link
 * #commit()}. Shape: {@code {"providers": {NAME: {"pinned_keys": [...], "documents": {URL:
 * {"listed", "current_release_date", "tracking_version", "sha256"}}}}}}.
 */
public final class JsonFileSyncState extends InMemorySyncState {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  private JsonFileSyncState(Path file) {
    this.file = file;
  }

  /** Opens the file, or starts empty when it does not exist yet. */
  public static JsonFileSyncState open(Path file) throws IOException {
    JsonFileSyncState state = new JsonFileSyncState(file);
    if (Files.exists(file)) {
      state.load(JSON.readTree(file.toFile()));
    }
    return state;
  }

  private void load(JsonNode root) throws IOException {
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("providers").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> provider = it.next();
      for (JsonNode fp : provider.getValue().path("pinned_keys")) {
        pinKey(provider.getKey(), fp.asText());
      }
      for (Iterator<Map.Entry<String, JsonNode>> docs =
              provider.getValue().path("documents").fields();
          docs.hasNext(); ) {
        Map.Entry<String, JsonNode> d = docs.next();
        JsonNode s = d.getValue();
        try {
          accepted(
              provider.getKey(),
              URI.create(d.getKey()),
              new DocumentState(
                  s.hasNonNull("listed")
                      ? Optional.of(Instant.parse(s.get("listed").asText()))
                      : Optional.empty(),
                  Instant.parse(s.path("current_release_date").asText()),
                  s.path("tracking_version").asText(),
                  s.path("sha256").asText()));
        } catch (RuntimeException e) {
          throw new IOException(file + ": unreadable state for " + d.getKey(), e);
        }
      }
    }
  }

  @Override
  public synchronized void commit() throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode providers = root.putObject("providers");
    Map<String, Object> names = new TreeMap<>();
    documents.keySet().forEach(n -> names.put(n, n));
    pinned.keySet().forEach(n -> names.put(n, n));
    for (String name : names.keySet()) {
      ObjectNode p = providers.putObject(name);
      pinned.getOrDefault(name, java.util.Set.of()).forEach(p.putArray("pinned_keys")::add);
      ObjectNode docs = p.putObject("documents");
      new TreeMap<>(documents.getOrDefault(name, Map.of()))
          .forEach(
              (url, s) -> {
                ObjectNode d = docs.putObject(url.toString());
                s.listed().ifPresent(l -> d.put("listed", l.toString()));
                d.put("current_release_date", s.currentReleaseDate().toString());
                d.put("tracking_version", s.trackingVersion());
                d.put("sha256", s.sha256());
              });
    }
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
