package io.fieldprint.collector.export.csaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.sync.CsafSchemaCheck;
import io.fieldprint.protocols.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * A document must pass the official CSAF 2.0 JSON schema (from the shared OASIS material, through
 * the advisories module's {@link CsafSchemaCheck}) and be read by the advisories module's {@link
 * CsafReader} without a single problem.
 */
public final class CsafVexCheck {
  private CsafVexCheck() {}

  public static CsafDocument valid(byte[] json) throws Exception {
    Path oasis = SharedData.root().resolve("csaf/oasis-csaf-2.0");
    Assumptions.assumeTrue(
        Files.isDirectory(oasis), () -> "SKIPPED: OASIS CSAF 2.0 schema not found at " + oasis);
    assertEquals(Optional.empty(), CsafSchemaCheck.load(oasis).problem(json), new String(json));
    CsafDocument doc = assertInstanceOf(CsafDocument.class, new CsafReader().read(json));
    assertEquals(List.of(), doc.problems());
    assertEquals("csaf_vex", doc.category());
    return doc;
  }
}
