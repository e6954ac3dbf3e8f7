package io.fieldprint.advisories.csaf;

import static io.fieldprint.advisories.csaf.CsafTestDocuments.products;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.advisories.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Huge or hostile documents are rejected quickly, before a tree is built. */
class CsafHostileDocumentTest {
  private static final Duration QUICKLY = Duration.ofSeconds(5);
  private final CsafReader reader = new CsafReader();

  private String rejectedQuickly(byte[] json) {
    CsafResult result = assertTimeoutPreemptively(QUICKLY, () -> reader.read(json));
    return assertInstanceOf(CsafResult.Rejected.class, result).reason();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void deepNestingIsRejected() {
    String reason = rejectedQuickly(utf8("[".repeat(200_000) + "]".repeat(200_000)));
    assertTrue(reason.contains("nesting") || reason.contains("depth"), reason);
    String branches =
        "\"branches\": "
            + "[{\"category\": \"vendor\", \"name\": \"x\", \"branches\": ".repeat(100)
            + "[]"
            + "}]".repeat(100);
    assertTrue(
        rejectedQuickly(utf8(CsafTestDocuments.json("T", branches, ""))).contains("nesting"));
  }

  @Test
  void aMillionElementArrayIsRejected() {
    String vulnerabilities = "{},".repeat(1_000_000) + "{}";
    String reason =
        rejectedQuickly(utf8(CsafTestDocuments.json("T", products("P1"), vulnerabilities)));
    assertTrue(reason.contains("more than 100000 elements"), reason);
  }

  @Test
  void manyValuesSpreadOverShortArraysAreRejectedBeforeATreeIsBuilt() {
    String chunk = "[" + "0,".repeat(99_999) + "0]";
    String many = "\"x\": [" + (chunk + ",").repeat(14) + chunk + "]";
    String reason =
        rejectedQuickly(utf8(CsafTestDocuments.json("T", products("P1") + ", " + many, "")));
    assertTrue(reason.contains("more than 1000000 JSON values"), reason);
  }

  @Test
  void aTenMegabyteStringIsRejected() {
    String reason =
        rejectedQuickly(utf8(CsafTestDocuments.json("x".repeat(10 << 20), products("P1"), "")));
    assertTrue(reason.contains("exceeds a limit: String value length"), reason);
  }

  @Test
  void aDocumentOverTheSizeLimitIsRejectedWithoutParsing() {
    byte[] huge = new byte[CsafLimits.DEFAULT.maxBytes() + 1];
    Arrays.fill(huge, (byte) ' ');
    assertTrue(rejectedQuickly(huge).contains("exceeds the limit"));
  }

  @Test
  void aLongChainOfRelationshipsResolvesInLinearTime() {
    StringBuilder rel = new StringBuilder();
    String previous = "P1";
    for (int i = 0; i < 50_000; i++) {
      rel.append(i == 0 ? "" : ",").append(CsafTestDocuments.relationship("C" + i, previous, "P1"));
      previous = "C" + i;
    }
    String tree = products("P1") + ", \"relationships\": [" + rel + "]";
    byte[] json = utf8(CsafTestDocuments.json("T", tree, ""));
    CsafResult result = assertTimeoutPreemptively(QUICKLY, () -> reader.read(json));
    CsafDocument doc = assertInstanceOf(CsafDocument.class, result);
    assertTrue(doc.productTree().products().size() == 50_001);
  }

  @Test
  void randomlyMutatedRealDocumentsNeverThrow() throws Exception {
    byte[] original =
        Files.readAllBytes(SharedData.file("cisa/csaf_files/OT/white/2023/icsa-23-012-08.json"));
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      byte[] mutated = original.clone();
      for (int j = 0; j < 1 + random.nextInt(8); j++) {
        mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
      }
      byte[] input =
          random.nextBoolean() ? mutated : Arrays.copyOf(mutated, random.nextInt(mutated.length));
      assertNotNull(reader.read(input));
    }
  }
}
