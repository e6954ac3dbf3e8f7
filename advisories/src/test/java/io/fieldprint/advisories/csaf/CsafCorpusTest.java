package io.fieldprint.advisories.csaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.advisories.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsafCorpusTest {
  private final CsafReader reader = new CsafReader();

  @Test
  void everyCisaDocumentIsAcceptedWithoutAnException() throws IOException {
    List<Path> documents = SharedData.cisaDocuments();
    int accepted = 0;
    int withProblems = 0;
    long products = 0;
    long vulnerabilities = 0;
    List<String> rejected = new ArrayList<>();
    for (Path path : documents) {
      CsafResult result = reader.read(Files.readAllBytes(path));
      if (result instanceof CsafDocument doc) {
        accepted++;
        withProblems += doc.problems().isEmpty() ? 0 : 1;
        products += doc.productTree().products().size();
        vulnerabilities += doc.vulnerabilities().size();
      } else {
        rejected.add(path.getFileName() + ": " + ((CsafResult.Rejected) result).reason());
      }
    }
    System.out.printf(
        "CISA corpus: %d documents, %d accepted (%d with problems), %d rejected; %d products,"
            + " %d vulnerabilities%n",
        documents.size(), accepted, withProblems, rejected.size(), products, vulnerabilities);
    assertEquals(2035, documents.size());
    assertEquals(List.of(), rejected);
    assertEquals(0, withProblems);
    assertEquals(13_541, products, "one product per version leaf (11,516 ranges + 2,025 versions)");
  }

  @Test
  void everyOasisExampleIsAccepted() throws IOException {
    List<Path> examples =
        SharedData.jsonUnder(SharedData.csaf().resolve("oasis-csaf-2.0/examples/csaf"));
    assertTrue(examples.size() >= 5);
    for (Path path : examples) {
      CsafResult result = reader.read(Files.readAllBytes(path));
      CsafDocument doc = assertInstanceOf(CsafDocument.class, result, path + ": " + result);
      assertFalse(doc.tracking().id().isEmpty(), path.toString());
    }
  }

  @Test
  void oasisMandatoryTestDocumentsGiveAResultAndTheRulesTheReaderChecksAreReported()
      throws IOException {
    Path folder = SharedData.csaf().resolve("oasis-csaf-2.0/test/validator/data/mandatory");
    int rejected = 0;
    int problems = 0;
    int clean = 0;
    for (Path path : SharedData.jsonUnder(folder)) {
      CsafResult result = reader.read(Files.readAllBytes(path));
      String name = path.getFileName().toString();
      boolean flagged =
          result instanceof CsafResult.Rejected || !((CsafDocument) result).problems().isEmpty();
      if (result instanceof CsafResult.Rejected) {
        rejected++;
      } else if (flagged) {
        problems++;
      } else {
        clean++;
      }
      if (name.matches(".*-6-1-0[1-7]-0\\d\\.json")) {
        assertTrue(flagged, name + " violates a reference rule the reader checks");
      }
      if (name.matches(".*-6-1-0[1-7]-1\\d\\.json")) {
        assertFalse(flagged, name + " is a valid case of a rule the reader checks: " + result);
      }
    }
    System.out.printf(
        "OASIS mandatory test documents: %d rejected, %d with problems, %d clean%n",
        rejected, problems, clean);
  }
}
