package io.fieldprint.advisories.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the matcher on the hand-labelled cases of {@code labelled/cases.json} against the whole CISA
 * corpus and measures precision and recall over (case, advisory) pairs. Every reported match
 * counts, whatever its confidence: a "possible" (low) match is shown to the user by default, so it
 * must be right too. Cases whose device reports no firmware say {@code "expectedConfidence":
 * "low"}: all their matches must be low. How the labels were decided: {@code labelled/README.md}.
 */
class LabelledCasesTest {
  /**
   * Issue 4 asks for precision 0.95 and recall 0.90; recall is held at the 0.98 already reached.
   */
  private static final double PRECISION_FLOOR = 0.95;

  private static final double RECALL_FLOOR = 0.98;

  private static List<CsafDocument> corpus;
  private static JsonNode cases;
  private final AdvisoryMatcher matcher = new AdvisoryMatcher();

  @BeforeAll
  static void load() throws IOException {
    corpus = readCorpus();
    try (InputStream in = LabelledCasesTest.class.getResourceAsStream("/labelled/cases.json")) {
      cases = new ObjectMapper().readTree(in);
    }
  }

  @Test
  void labelledCasesReachThePrecisionAndRecallFloors() {
    Map<String, int[]> byVendor = new TreeMap<>();
    Map<AdvisoryMatch.Level, Integer> byLevel = new TreeMap<>();
    int[] total = new int[3];
    for (JsonNode c : cases) {
      Set<String> expected = new TreeSet<>();
      c.path("affectedBy").forEach(n -> expected.add(n.asText()));
      List<AdvisoryMatch> matches = matches(c);
      matches.stream()
          .filter(m -> expected.contains(m.advisoryId()))
          .forEach(m -> byLevel.merge(m.confidence().level(), 1, Integer::sum));
      Set<String> found =
          matches.stream()
              .map(AdvisoryMatch::advisoryId)
              .collect(Collectors.toCollection(TreeSet::new));
      Set<String> extra = new TreeSet<>(found);
      extra.removeAll(expected);
      Set<String> missed = new TreeSet<>(expected);
      missed.removeAll(found);
      int[] counts = {found.size() - extra.size(), extra.size(), missed.size()};
      int[] vendor = byVendor.computeIfAbsent(vendorOf(c), v -> new int[3]);
      for (int i = 0; i < 3; i++) {
        vendor[i] += counts[i];
        total[i] += counts[i];
      }
      if (!extra.isEmpty() || !missed.isEmpty()) {
        System.out.printf("%s: extra %s, missed %s%n", c.path("id").asText(), extra, missed);
      }
    }
    byVendor.forEach((v, n) -> System.out.println(figures(v, n)));
    System.out.println("true positives by confidence: " + byLevel);
    System.out.println(figures("labelled cases: " + cases.size() + ", all", total));
    assertTrue(precision(total) >= PRECISION_FLOOR, figures("precision below floor", total));
    assertTrue(recall(total) >= RECALL_FLOOR, figures("recall below floor", total));
  }

  @Test
  void labelledSetHasAtLeastFiftyCasesFromTenVendorsEachWithItsReason() {
    Set<String> vendors = new TreeSet<>();
    for (JsonNode c : cases) {
      vendors.add(vendorOf(c));
      assertTrue(
          c.path("labelledBy").asText().length() > 20, c.path("id") + " says how it was labelled");
    }
    assertTrue(cases.size() >= 50, "cases: " + cases.size());
    assertTrue(vendors.size() >= 10, "vendors: " + vendors);
  }

  @Test
  void devicesWithoutFirmwareGetOnlyPossibleMatches() {
    int checked = 0;
    for (JsonNode c : cases) {
      if (!c.path("expectedConfidence").asText().equals("low")) {
        continue;
      }
      for (AdvisoryMatch m : matches(c)) {
        assertEquals(AdvisoryMatch.Level.LOW, m.confidence().level(), c.path("id") + " " + m);
        checked++;
      }
    }
    assertTrue(checked > 0, "cases with unknown firmware exist and match");
  }

  private List<AdvisoryMatch> matches(JsonNode c) {
    JsonNode d = c.path("device");
    Asset asset =
        AdvisoryMatcherTest.asset(
            text(d, "vendor"), text(d, "product"), text(d, "model"), text(d, "firmware"));
    return matcher.match(asset, corpus);
  }

  private static String vendorOf(JsonNode c) {
    return VendorNames.normalise(text(c.path("device"), "vendor"));
  }

  private static double precision(int[] n) {
    return n[0] / (double) Math.max(1, n[0] + n[1]);
  }

  private static double recall(int[] n) {
    return n[0] / (double) Math.max(1, n[0] + n[2]);
  }

  private static String figures(String label, int[] n) {
    return String.format(
        Locale.ROOT,
        "%s: tp %d, fp %d, fn %d, precision %.3f, recall %.3f",
        label,
        n[0],
        n[1],
        n[2],
        precision(n),
        recall(n));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() ? v.asText() : null;
  }

  private static List<CsafDocument> readCorpus() throws IOException {
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
