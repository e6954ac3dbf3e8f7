package io.fieldprint.collector.export.csaf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.Vulnerability;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsafVexWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void eachTriageStateLandsInItsProductStatusWithImpactAndActionStatements() throws Exception {
    List<VexProduct> products =
        List.of(product("ASSET-1"), product("ASSET-2"), product("ASSET-3"), product("ASSET-4"));
    List<VexStatement> statements =
        List.of(
            statement("ASSET-1", "affected", Optional.empty(), Optional.of("Update to V2.9.7")),
            statement(
                "ASSET-2",
                "not_affected",
                Optional.of("vulnerable_code_not_in_execute_path"),
                Optional.empty()),
            statement("ASSET-3", "fixed", Optional.empty(), Optional.empty()),
            statement("ASSET-4", "under_investigation", Optional.empty(), Optional.empty()),
            new VexStatement(
                "ASSET-1",
                "VDE-2024-001",
                "No CVE",
                Optional.empty(),
                List.of(),
                "affected",
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    byte[] json =
        JSON.writeValueAsBytes(
            CsafVexWriter.document(
                "Plant operator",
                "https://plant.example",
                "plant-a",
                Instant.parse("2026-03-01T10:00:00.123Z"),
                "test",
                products,
                statements));
    CsafDocument doc = CsafVexCheck.valid(json);

    assertEquals(2, doc.vulnerabilities().size());
    Vulnerability cve = doc.vulnerabilities().get(0);
    assertEquals("CVE-2023-0286", cve.cve());
    assertEquals(List.of("ASSET-1"), cve.productStatus().knownAffected());
    assertEquals(List.of("ASSET-2"), cve.productStatus().knownNotAffected());
    assertEquals(List.of("ASSET-3"), cve.productStatus().fixed());
    assertEquals(List.of("ASSET-4"), cve.productStatus().underInvestigation());
    assertEquals("vulnerable_code_not_in_execute_path", cve.flags().get(0).label());
    assertEquals(List.of("ASSET-2"), cve.flags().get(0).productIds());
    assertEquals("vendor_fix", cve.remediations().get(0).category());
    Vulnerability advisoryOnly = doc.vulnerabilities().get(1);
    assertEquals(List.of("ASSET-1"), advisoryOnly.productStatus().knownAffected());
    assertEquals("none_available", advisoryOnly.remediations().get(0).category());
  }

  private static VexProduct product(String id) {
    return new VexProduct(
        id,
        "Siemens AG CPU 1516-3 PN/DP firmware V2.9.4 (asset " + id + ")",
        Optional.of("6ES7 516-3AN01-0AB0"),
        Optional.of("S C-X4U421302016"));
  }

  private static VexStatement statement(
      String product, String state, Optional<String> justification, Optional<String> fix) {
    return new VexStatement(
        product,
        "ICSA-23-222-07",
        "Siemens SIMATIC S7-1500",
        Optional.of("https://example.org/icsa-23-222-07.json"),
        List.of("CVE-2023-0286"),
        state,
        justification,
        Optional.empty(),
        fix);
  }
}
