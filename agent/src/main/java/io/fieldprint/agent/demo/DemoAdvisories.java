package io.fieldprint.agent.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The demo's own CSAF documents, imported into the collector through its admin API. */
public final class DemoAdvisories {
  private static final long MAX_DOCUMENT_BYTES = 1024 * 1024;
  private static final int MAX_DOCUMENTS = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  private DemoAdvisories() {}

  /** Posts every {@code .json} file of {@code folder} in one batch; a one-line account. */
  public static String importInto(CollectorApi api, Path folder)
      throws IOException, InterruptedException {
    List<JsonNode> documents = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        if (Files.size(f) > MAX_DOCUMENT_BYTES || documents.size() >= MAX_DOCUMENTS) {
          throw new IOException(f + ": the demo advisories are a few small documents");
        }
        documents.add(JSON.readTree(f.toFile()));
      }
    }
    JsonNode results = api.importAdvisories(documents);
    List<String> refused = new ArrayList<>();
    for (JsonNode r : results.path("items")) {
      if ("rejected".equals(r.path("result").asText())) {
        refused.add(r.path("trackingId").asText("?") + ": " + r.path("reason").asText());
      }
    }
    if (!refused.isEmpty()) {
      throw new IOException("the collector refused demo advisories: " + refused);
    }
    return documents.size() + " demo advisories imported from " + folder;
  }

  /** Writes a token readable by its owner only. */
  public static void writeSecret(Path file, String token) throws IOException {
    Files.deleteIfExists(file);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
  }
}
