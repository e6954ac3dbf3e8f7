package io.fieldprint.advisories.csaf;

import static io.fieldprint.advisories.csaf.CsafTestDocuments.document;
import static io.fieldprint.advisories.csaf.CsafTestDocuments.products;
import static io.fieldprint.advisories.csaf.CsafTestDocuments.relationship;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsafReaderTest {
  private final CsafReader reader = new CsafReader();

  private CsafDocument accepted(byte[] json) {
    CsafResult result = reader.read(json);
    return assertInstanceOf(CsafDocument.class, result, String.valueOf(result));
  }

  private String rejected(String json) {
    CsafResult result = reader.read(json.getBytes(StandardCharsets.UTF_8));
    return assertInstanceOf(CsafResult.Rejected.class, result, String.valueOf(result)).reason();
  }

  @Test
  void minimalDocumentIsReadWithMicrosecondDatesAndUnknownMembersIgnored() {
    String json =
        CsafTestDocuments.json("T", products("P1") + ", \"x_vendor\": {\"a\": [1]}", "")
            .replace(
                "{\"category\": \"csaf_base\"", "{\"x_extra\": 1, \"category\": \"csaf_base\"");
    CsafDocument doc = accepted(json.getBytes(StandardCharsets.UTF_8));
    assertEquals("ACME-1", doc.tracking().id());
    assertEquals(Instant.parse("2024-01-02T00:00:00.123456Z"), doc.tracking().currentReleaseDate());
    assertEquals(
        List.of("P1"),
        doc.productTree().products().stream().map(FullProductName::productId).toList());
    assertEquals(List.of(), doc.problems());
  }

  @Test
  void relationshipsBuildCompositesIncludingCompositesOfComposites() {
    String tree =
        products("FW", "HW", "RACK")
            + ", \"relationships\": ["
            + relationship("FW-on-HW", "FW", "HW")
            + ","
            + relationship("in-RACK", "FW-on-HW", "RACK")
            + "]";
    CsafDocument doc = accepted(document(tree, ""));
    assertEquals(2, doc.productTree().relationships().size());
    assertTrue(doc.productTree().product("in-RACK").isPresent());
    assertEquals(List.of(), doc.problems());
  }

  @Test
  void cyclicAndDanglingRelationshipsAreDroppedAsProblemsAndTheRestIsKept() {
    String tree =
        products("P1")
            + ", \"relationships\": ["
            + relationship("C1", "P1", "C2")
            + ","
            + relationship("C2", "P1", "C1")
            + ","
            + relationship("SELF", "SELF", "P1")
            + ","
            + relationship("D", "P1", "NOPE")
            + "]";
    CsafDocument doc = accepted(document(tree, ""));
    assertEquals(List.of(), doc.productTree().relationships());
    assertEquals(1, doc.productTree().products().size());
    assertEquals(
        List.of(
            "relationship 'C1' is part of a cycle",
            "relationship 'C2' is part of a cycle",
            "relationship 'SELF' is part of a cycle",
            "relationship 'D' references unknown product 'NOPE'"),
        doc.problems());
  }

  @Test
  void aTreeWhoseOnlyProductsAreUnusableIsRejected() {
    String tree = "\"relationships\": [" + relationship("C1", "C1", "C1") + "]";
    String reason = rejected(new String(document(tree, ""), StandardCharsets.UTF_8));
    assertTrue(reason.contains("no usable product"), reason);
  }

  @Test
  void duplicateIdsKeepTheFirstDefinitionAndAreReported() {
    CsafDocument doc = accepted(document(products("P1", "P1"), ""));
    assertEquals(1, doc.productTree().products().size());
    assertEquals(List.of("duplicate product_id 'P1'"), doc.problems());
  }

  @Test
  void groupsAreExpandedInRemediationsAndUnknownIdsAreReported() {
    String tree =
        products("P1", "P2")
            + ", \"product_groups\": [{\"group_id\": \"G1\", \"product_ids\": [\"P1\", \"P2\"]}]";
    String vulnerability =
        """
        {"cve": "CVE-2024-0001", "product_status": {"known_affected": ["P1", "P9"]},
         "remediations": [{"category": "vendor_fix", "details": "Update to 2.0",
           "group_ids": ["G1"], "product_ids": ["P1"]}],
         "scores": [{"products": ["P1"], "cvss_v2": {"version": "2.0", "baseScore": 5.0,
           "vectorString": "AV:N/AC:L/Au:N/C:N/I:N/A:P"}}]}
        """;
    CsafDocument doc = accepted(document(tree, vulnerability));
    Vulnerability v = doc.vulnerabilities().get(0);
    assertEquals(List.of("P1", "P2"), v.remediations().get(0).productIds());
    assertEquals(List.of("G1"), v.remediations().get(0).groupIds());
    assertEquals(5.0, v.scoresFor("P1").get(0).cvssV2().baseScore());
    assertEquals(
        List.of("vulnerabilities[0].product_status names unknown product 'P9'"), doc.problems());
  }

  @Test
  void branchesAreFlattenedWithTheirPathAndHelpers() {
    String tree =
        """
        "branches": [{"category": "vendor", "name": "Siemens ", "branches": [
          {"category": "product_family", "name": "SIMATIC", "branches": [
            {"category": "product_name", "name": "S7-1500", "branches": [
              {"category": "product_version_range", "name": "vers:all/<V2.9.7",
               "product": {"name": "S7-1500 < V2.9.7", "product_id": "CSAFPID-1",
                 "product_identification_helper": {"model_numbers": ["6ES7511-1AK02-0AB0"],
                   "skus": ["S1"], "serial_numbers": ["SN*"], "cpe": "cpe:/h:siemens:s7",
                   "purl": "pkg:generic/s7@2.9", "hashes": [{"filename": "fw.bin",
                   "file_hashes": [{"algorithm": "sha256", "value": "ab"}]}]}}}]}]}]}]
        """;
    FullProductName p = accepted(document(tree, "")).productTree().products().get(0);
    assertEquals("Siemens ", p.vendor());
    assertEquals("SIMATIC", p.productFamily());
    assertEquals("S7-1500", p.productName());
    assertEquals(4, p.path().size());
    assertEquals("vers:all/<V2.9.7", p.versionLeaf().name());
    ProductIdentificationHelper h = p.helper();
    assertEquals(List.of("6ES7511-1AK02-0AB0"), h.modelNumbers());
    assertEquals(List.of("S1"), h.skus());
    assertEquals(List.of("SN*"), h.serialNumbers());
    assertEquals("cpe:/h:siemens:s7", h.cpe());
    assertEquals("pkg:generic/s7@2.9", h.purl());
    assertEquals(
        List.of(new ProductIdentificationHelper.FileHash("fw.bin", "sha256", "ab")), h.hashes());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{",
        "[]",
        "null",
        "{\"document\": 1}",
        "{\"document\": {\"csaf_version\": \"2.1\"}}",
        "{\"document\": {\"csaf_version\": \"2.0\", \"tracking\": {\"id\": \"X\"}}}",
        "{\"document\": {\"csaf_version\": \"2.0\", \"publisher\": {\"namespace\": \"https://x\"}}}",
      })
  void structurallyUnusableDocumentsAreRejectedWithAReason(String json) {
    assertTrue(!rejected(json).isBlank());
  }

  @Test
  void aTreeGivenAsJsonNodeIsCheckedAgainstTheSameLimits() throws Exception {
    CsafReader small = new CsafReader(new CsafLimits(1 << 20, 8, 100, 100, 10_000));
    byte[] json = document(products("P1"), "");
    assertInstanceOf(CsafDocument.class, small.read(new ObjectMapper().readTree(json)));
    String deep =
        CsafTestDocuments.json(
            "T", products("P1") + ", \"x\": " + "[".repeat(20) + "]".repeat(20), "");
    assertInstanceOf(CsafResult.Rejected.class, small.read(new ObjectMapper().readTree(deep)));
  }
}
