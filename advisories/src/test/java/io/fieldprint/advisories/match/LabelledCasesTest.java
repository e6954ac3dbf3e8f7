package io.fieldprint.advisories.match;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.testing.SharedData;
import io.fieldprint.protocols.inventory.Asset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs the matcher on the hand-labelled cases of {@code labelled/cases.json} against the whole CISA
 * corpus and measures precision and recall over (case, advisory) pairs.
 */
class LabelledCasesTest {
  private final AdvisoryMatcher matcher = new AdvisoryMatcher();

  @Test
  void labelledCasesReachThePrecisionAndRecallFloors() throws IOException {
    List<CsafDocument> corpus = corpus();
    JsonNode cases;
    try (InputStream in = getClass().getResourceAsStream("/labelled/cases.json")) {
      cases = new ObjectMapper().readTree(in);
    }
    int truePositives = 0;
    int falsePositives = 0;
    int falseNegatives = 0;
    for (JsonNode c : cases) {
      Set<String> expected = new TreeSet<>();
      c.path("affectedBy").forEach(n -> expected.add(n.asText()));
      JsonNode d = c.path("device");
      Asset asset =
          AdvisoryMatcherTest.asset(
              text(d, "vendor"), text(d, "product"), text(d, "model"), text(d, "firmware"));
      Set<String> found =
          matcher.match(asset, corpus).stream()
              .map(AdvisoryMatch::advisoryId)
              .collect(Collectors.toCollection(TreeSet::new));
      Set<String> extra = new TreeSet<>(found);
      extra.removeAll(expected);
      Set<String> missed = new TreeSet<>(expected);
      missed.removeAll(found);
      truePositives += found.size() - extra.size();
      falsePositives += extra.size();
      falseNegatives += missed.size();
      if (!extra.isEmpty() || !missed.isEmpty()) {
        System.out.printf("%s: extra %s, missed %s%n", c.path("id").asText(), extra, missed);
      }
    }
    double precision = truePositives / (double) Math.max(1, truePositives + falsePositives);
    double recall = truePositives / (double) Math.max(1, truePositives + falseNegatives);
    System.out.printf(
        "labelled cases: %d, tp %d, fp %d, fn %d, precision %.3f, recall %.3f%n",
        cases.size(), truePositives, falsePositives, falseNegatives, precision, recall);
    assertTrue(cases.size() >= 20, "at least 20 labelled cases");
    assertTrue(precision >= PRECISION_FLOOR, "precision " + precision);
    assertTrue(recall >= RECALL_FLOOR, "recall " + recall);
  }

  /** Floors reached on the current set (target: precision 0.95, recall 0.90). */
  private static final double PRECISION_FLOOR = 0.95;

  private static final double RECALL_FLOOR = 0.98;

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() ? v.asText() : null;
  }

  private static List<CsafDocument> corpus() throws IOException {
    CsafReader reader = new CsafReader();
    List<CsafDocument> out = new ArrayList<>();
    for (Path path : SharedData.cisaDocuments()) {
      if (reader.read(Files.readAllBytes(path)) instanceof CsafDocument doc) {
        out.add(doc);
      }
    }
    return out;
  }
}
