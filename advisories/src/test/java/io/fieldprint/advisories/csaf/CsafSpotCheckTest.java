package io.fieldprint.advisories.csaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.advisories.testing.SharedData;
import io.fieldprint.advisories.version.VersionRange;
import io.fieldprint.protocols.decode.Parsed;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values checked by hand against the JSON of each shared document. */
class CsafSpotCheckTest {
  private final CsafReader reader = new CsafReader();

  private CsafDocument read(String relative) throws IOException {
    CsafResult result = reader.read(Files.readAllBytes(SharedData.file(relative)));
    return assertInstanceOf(CsafDocument.class, result, relative + ": " + result);
  }

  @Test
  void siemensDocumentWithModelNumbersIsReadFieldByField() throws IOException {
    CsafDocument doc = read("cisa/csaf_files/OT/white/2023/icsa-23-012-08.json");
    assertEquals("csaf_security_advisory", doc.category());
    assertEquals("Siemens S7-1500 CPU devices", doc.title());
    assertEquals(
        new CsafDocument.Publisher("CISA", "https://www.cisa.gov/", "coordinator"),
        doc.publisher());
    assertEquals("WHITE", doc.tlpLabel());
    CsafDocument.Tracking tracking = doc.tracking();
    assertEquals("ICSA-23-012-08", tracking.id());
    assertEquals("1", tracking.version());
    assertEquals("final", tracking.status());
    assertEquals(Instant.parse("2023-01-12T00:00:00Z"), tracking.initialReleaseDate());
    assertEquals(Instant.parse("2023-01-12T00:00:00Z"), tracking.currentReleaseDate());
    assertEquals(1, tracking.revisionHistory().size());
    assertEquals(10, doc.notes().size());
    assertEquals(
        new CsafDocument.Note("general", "CISA Disclaimer", doc.notes().get(0).text()),
        doc.notes().get(0));
    assertEquals(6, doc.references().size());
    assertEquals(
        "https://cert-portal.siemens.com/productcert/csaf/ssa-482757.json",
        doc.references().get(0).url());

    List<FullProductName> products = doc.productTree().products();
    assertEquals(123, products.size());
    FullProductName first = products.get(0);
    assertEquals("CSAFPID-0001", first.productId());
    assertEquals("SIMATIC Drive Controller CPU 1504D TF (6ES7615-4DF10-0AB0)", first.name());
    assertEquals("Siemens", first.vendor());
    assertEquals("SIMATIC Drive Controller CPU 1504D TF (6ES7615-4DF10-0AB0)", first.productName());
    assertEquals(new Branch("product_version_range", "vers:all/*"), first.versionLeaf());
    assertEquals(List.of("6ES7615-4DF10-0AB0"), first.helper().modelNumbers());
    assertEquals("CSAFPID-000123", products.get(122).productId());
    assertEquals(List.of("6AG1518-4JP00-4AB0"), products.get(122).helper().modelNumbers());

    Vulnerability v = doc.vulnerabilities().get(0);
    assertEquals("CVE-2022-38773", v.cve());
    assertEquals(
        new Vulnerability.Cwe("CWE-1326", "Missing Immutable Root of Trust in Hardware"), v.cwe());
    Vulnerability.Cvss cvss = v.scoresFor("CSAFPID-0001").get(0).cvssV3();
    assertEquals(4.6, cvss.baseScore());
    assertEquals("CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N/E:P/RL:T/RC:C", cvss.vectorString());
    assertEquals(123, v.productStatus().knownAffected().size());
    assertEquals(
        List.of("mitigation", "no_fix_planned", "mitigation"),
        v.remediations().stream().map(Remediation::category).toList());
    assertEquals(123, v.remediations().get(1).productIds().size());
  }

  @Test
  void productVersionHoldingACatalogNumberIsKeptAndIsNotAVersionRange() throws IOException {
    CsafDocument doc = read("cisa/csaf_files/OT/white/2018/icsa-18-184-01.json");
    FullProductName stratix = doc.productTree().product("CSAFPID-0001").orElseThrow();
    assertEquals("Rockwell Automation", stratix.vendor());
    assertEquals("Allen-Bradley Stratix 5950", stratix.productName());
    assertEquals(new Branch("product_version", "1783-SAD4T0SBK9"), stratix.versionLeaf());
    assertInstanceOf(Parsed.Malformed.class, VersionRange.parse(stratix.versionLeaf().name()));
  }

  @Test
  void ciscoTrainRangeFromARealDocumentIsEvaluated() throws IOException {
    CsafDocument doc = read("cisa/csaf_files/OT/white/2017/icsa-17-094-03.json");
    FullProductName stratix = doc.productTree().product("CSAFPID-0002").orElseThrow();
    assertEquals("<= 15.2(4a)EA5", stratix.versionLeaf().name());
    VersionRange range = ((Parsed.Ok<VersionRange>) VersionRange.parse("<= 15.2(4a)EA5")).value();
    assertEquals("AFFECTED", range.contains("15.2(4a)EA3").verdict().name());
  }

  @Test
  void redHatExampleRelationshipsBecomeCompositeProducts() throws IOException {
    CsafDocument doc = read("oasis-csaf-2.0/examples/csaf/rhsa-2021_5186.json");
    assertEquals("RHSA-2021:5186", doc.tracking().id());
    assertEquals(
        new CsafDocument.Publisher("Red Hat Product Security", "https://www.redhat.com", "vendor"),
        doc.publisher());
    assertEquals(3, doc.productTree().relationships().size());
    Relationship r = doc.productTree().relationships().get(0);
    assertEquals("default_component_of", r.category());
    assertEquals("8Base-RHOSE-4.6", r.relatesToProductReference());
    String composite = r.fullProductName().productId();
    assertTrue(doc.productTree().product(composite).isPresent());
    Vulnerability v = doc.vulnerabilities().get(0);
    assertEquals(2, v.productStatus().knownNotAffected().size());
    assertEquals(composite, v.productStatus().knownNotAffected().get(0));
    assertEquals("https://access.redhat.com/errata/RHSA-2021:5186", v.remediations().get(0).url());
    assertEquals("impact", v.threats().get(0).category());
    assertEquals(List.of(), doc.problems());
  }
}
