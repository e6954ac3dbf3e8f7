package io.fieldprint.collector.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldprint.protocols.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Real CISA advisories from the shared corpus, and revisions of them made by editing their tracking
 * or TLP members (the edited copies live only in memory).
 */
public final class CsafFixtures {
  /** ICSA-23-222-07: Siemens SIMATIC S7-1500 CPUs, fixed in V2.9.7. */
  public static final String S7_1500 = "2023/icsa-23-222-07";

  private static final ObjectMapper JSON = new ObjectMapper();

  private CsafFixtures() {}

  /** The CISA OT TLP:WHITE folder, or a skipped test when shared data is absent. */
  public static Path cisaFolder() {
    Path folder = SharedData.root().resolve("csaf/cisa/csaf_files/OT/white");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isDirectory(folder), () -> "SKIPPED: shared CSAF corpus not found at " + folder);
    return folder;
  }

  public static byte[] cisa(String relative) throws IOException {
    return Files.readAllBytes(cisaFolder().resolve(relative + ".json"));
  }

  /** The document with a new tracking version and current release date. */
  public static byte[] revised(byte[] doc, String version, String releaseDate) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(doc);
    ObjectNode tracking = (ObjectNode) root.path("document").path("tracking");
    tracking.put("version", version);
    tracking.put("current_release_date", releaseDate);
    return JSON.writeValueAsBytes(root);
  }

  /** The document with another TLP label. */
  public static byte[] withTlp(byte[] doc, String label) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(doc);
    ((ObjectNode) root.path("document").path("distribution").path("tlp")).put("label", label);
    return JSON.writeValueAsBytes(root);
  }

  /** The document with every vendor branch of its product tree renamed. */
  public static byte[] withVendor(byte[] doc, String vendor) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(doc);
    renameVendors(root.path("product_tree"), vendor);
    return JSON.writeValueAsBytes(root);
  }

  private static void renameVendors(com.fasterxml.jackson.databind.JsonNode node, String vendor) {
    for (com.fasterxml.jackson.databind.JsonNode branch : node.path("branches")) {
      if ("vendor".equals(branch.path("category").asText())) {
        ((ObjectNode) branch).put("name", vendor);
      }
      renameVendors(branch, vendor);
    }
  }

  /** A Schneider Electric Modicon M580 controller: no Siemens advisory can reach it. */
  public static ReportedAsset m580(String id) {
    return new ReportedAsset(
        id,
        Optional.of("m580-" + id),
        Optional.of("Schneider Electric"),
        Optional.of("Modicon M580"),
        Optional.of("BMEP584040"),
        Optional.of("SV4.10"),
        Optional.empty(),
        Optional.empty(),
        "plc",
        java.util.List.of("192.168.0.30"),
        java.util.List.of(),
        java.util.List.of("modbus"),
        Optional.empty(),
        Optional.empty(),
        java.util.List.of());
  }

  /** An S7-1500 CPU 1516-3 PN/DP with the given firmware (absent when null). */
  public static ReportedAsset cpu1516(String id, String firmware) {
    return new ReportedAsset(
        id,
        Optional.of("cpu-" + id),
        Optional.of("Siemens AG"),
        Optional.of("CPU 1516-3 PN/DP"),
        Optional.of("6ES7 516-3AN01-0AB0"),
        Optional.ofNullable(firmware),
        Optional.empty(),
        Optional.empty(),
        "plc",
        java.util.List.of("192.168.0.20"),
        java.util.List.of(),
        java.util.List.of("s7comm"),
        Optional.empty(),
        Optional.empty(),
        java.util.List.of());
  }
}
