package io.fieldprint.advisories.version;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldprint.advisories.testing.SharedData;
import io.fieldprint.protocols.decode.Parsed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Measured on the 2,035 shared CISA documents: 90.4% of 11,516 {@code product_version_range} leaves
 * and 79.6% of 2,025 {@code product_version} leaves parse into an evaluable range; the rest give a
 * reason (run with {@code -Dfieldprint.dumpRejected} to list them).
 */
class CorpusVersionStringsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyVersionLeafInTheCisaCorpusParsesOrGivesAReasonAndMostAreEvaluable() throws IOException {
    Map<String, List<String>> leaves = new TreeMap<>();
    for (Path doc : SharedData.cisaDocuments()) {
      collect(JSON.readTree(doc.toFile()).path("product_tree").path("branches"), leaves);
    }
    List<String> ranges = leaves.getOrDefault("product_version_range", List.of());
    List<String> versions = leaves.getOrDefault("product_version", List.of());
    int rangesOk = countParsed(ranges);
    int versionsOk = countParsed(versions);
    double rangeRate = 100.0 * rangesOk / ranges.size();
    double versionRate = 100.0 * versionsOk / versions.size();
    System.out.printf(
        "CISA corpus: product_version_range %d/%d evaluable (%.1f%%), product_version %d/%d"
            + " evaluable as range (%.1f%%)%n",
        rangesOk, ranges.size(), rangeRate, versionsOk, versions.size(), versionRate);
    assertTrue(ranges.size() > 10_000, "range leaves: " + ranges.size());
    assertTrue(rangeRate >= RANGE_FLOOR, "range parse rate " + rangeRate);
    assertTrue(versionRate >= VERSION_FLOOR, "version parse rate " + versionRate);
  }

  private static final double RANGE_FLOOR = 88.0;
  private static final double VERSION_FLOOR = 75.0;

  private static int countParsed(List<String> names) {
    int ok = 0;
    for (String name : names) {
      Parsed<VersionRange> parsed = VersionRange.parse(name);
      if (parsed instanceof Parsed.Ok<VersionRange>) {
        ok++;
      } else {
        assertFalse(((Parsed.Malformed<VersionRange>) parsed).reason().isBlank());
        if (System.getProperty("fieldprint.dumpRejected") != null) {
          System.out.println(
              "REJECTED " + name + " -> " + ((Parsed.Malformed<VersionRange>) parsed).reason());
        }
      }
    }
    return ok;
  }

  private static void collect(JsonNode branches, Map<String, List<String>> leaves) {
    for (JsonNode branch : branches) {
      if (branch.has("product")) {
        leaves
            .computeIfAbsent(branch.path("category").asText(), k -> new ArrayList<>())
            .add(branch.path("name").asText());
      }
      collect(branch.path("branches"), leaves);
    }
  }
}
