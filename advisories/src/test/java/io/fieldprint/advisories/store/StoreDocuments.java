package io.fieldprint.advisories.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;

/** Real CISA documents, and versions of them with another tracking version and date. */
final class StoreDocuments {
  static final String RELATIVE = "cisa/csaf_files/OT/white/2023/icsa-23-222-07.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private StoreDocuments() {}

  static byte[] original() throws IOException {
    return Files.readAllBytes(SharedData.file(RELATIVE));
  }

  /** The document with {@code tracking.version} and {@code current_release_date} replaced. */
  static byte[] revised(String version, String currentReleaseDate) throws IOException {
    ObjectNode root = (ObjectNode) MAPPER.readTree(original());
    ObjectNode tracking = (ObjectNode) root.path("document").path("tracking");
    tracking.put("version", version);
    tracking.put("current_release_date", currentReleaseDate);
    return MAPPER.writeValueAsBytes(root);
  }

  static AdvisorySubmission submission(byte[] json, String origin) {
    return new AdvisorySubmission(json, (CsafDocument) new CsafReader().read(json), origin);
  }
}
