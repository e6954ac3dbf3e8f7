package io.fieldprint.advisories.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.csaf.FullProductName;
import io.fieldprint.advisories.match.AdvisoryMatch.Level;
import io.fieldprint.advisories.match.ProductMatcher.DeviceProduct;
import io.fieldprint.advisories.testing.SharedData;
import io.fieldprint.protocols.inventory.Asset;
import io.fieldprint.protocols.inventory.Inventory;
import io.fieldprint.protocols.inventory.InventoryJson;
import io.fieldprint.protocols.model.Role;
import io.fieldprint.protocols.testing.InventorySchema;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdvisoryMatcherTest {
  private final AdvisoryMatcher matcher = new AdvisoryMatcher();

  static Asset asset(String vendor, String product, String model, String firmware) {
    return new Asset(
        "mac:00:1b:1b:00:00:01",
        List.of("192.168.0.10"),
        List.of("00:1b:1b:00:00:01"),
        null,
        vendor,
        product,
        model,
        firmware,
        null,
        null,
        Role.PLC,
        null,
        Map.of(),
        List.of(),
        null,
        null,
        List.of(),
        0);
  }

  static CsafDocument cisa(String relative) throws IOException {
    byte[] bytes =
        Files.readAllBytes(SharedData.file("cisa/csaf_files/OT/white/" + relative + ".json"));
    return assertInstanceOf(CsafDocument.class, new CsafReader().read(bytes));
  }

  @Test
  void orderNumberAndVersionInRangeGiveHighConfidenceWithCveScoreAndFix() throws IOException {
    CsafDocument doc = cisa("2023/icsa-23-222-07");
    Asset plc = asset("Siemens AG", "CPU 1516-3 PN/DP", "6ES7 516-3AN01-0AB0", "V2.9.4");
    List<AdvisoryMatch> matches = matcher.match(plc, List.of(doc));
    assertEquals(1, matches.size());
    AdvisoryMatch m = matches.get(0);
    assertEquals("ICSA-23-222-07", m.advisoryId());
    assertEquals(Level.HIGH, m.confidence().level(), m.confidence().reason());
    assertEquals(ProductMatch.Kind.EXACT_MODEL, m.productMatch().kind());
    assertEquals("vers:all/<V2.9.7", m.versionRule().text());
    assertEquals("V2.9.7", m.versionRule().fixedVersion());
    assertTrue(m.product().contains("6ES7516-3AN01-0AB0"), m.product());
    assertTrue(!m.cves().isEmpty());
    assertNotNull(m.cvss());
    assertNotNull(m.remediation());
    assertEquals("WHITE", m.tlp());
  }

  @Test
  void aPatchedDeviceIsNotReported() throws IOException {
    CsafDocument doc = cisa("2023/icsa-23-222-07");
    Asset plc = asset("Siemens AG", "CPU 1516-3 PN/DP", "6ES7 516-3AN01-0AB0", "V2.9.7");
    assertEquals(List.of(), matcher.match(plc, List.of(doc)));
  }

  @Test
  void aDeviceWithoutFirmwareIsALowConfidenceMatch() throws IOException {
    CsafDocument doc = cisa("2023/icsa-23-222-07");
    Asset plc = asset("Siemens", null, "6ES7516-3AN01-0AB0", null);
    AdvisoryMatch m = matcher.match(plc, List.of(doc)).get(0);
    assertEquals(Level.LOW, m.confidence().level(), m.confidence().reason());
  }

  @Test
  void anotherVendorsDeviceIsNeverMatched() throws IOException {
    CsafDocument doc = cisa("2023/icsa-23-222-07");
    Asset plc = asset("Schneider Electric", "CPU 1516-3 PN/DP", "6ES7 516-3AN01-0AB0", "V2.9.4");
    assertEquals(List.of(), matcher.match(plc, List.of(doc)));
  }

  @Test
  void matchesWrittenIntoAnInventoryValidateAgainstTheSchema() throws IOException {
    List<CsafDocument> docs =
        List.of(
            cisa("2023/icsa-23-222-07"), cisa("2023/icsa-23-201-01"), cisa("2018/icsa-18-086-01"));
    Asset siemens = asset("Siemens AG", "CPU 1516-3 PN/DP", "6ES7 516-3AN01-0AB0", "V2.9.4");
    Asset schneider = asset("Schneider Electric", "BMX P34 2020", "BMX P34 2020", null);
    List<Object> json =
        java.util.stream.Stream.of(siemens, schneider)
            .flatMap(a -> matcher.match(a, docs).stream())
            .map(m -> (Object) m.toJson())
            .toList();
    assertTrue(json.size() >= 3, json.toString());
    Inventory inv = new Inventory(List.of(), List.of(siemens), List.of(), json, List.of(), 0);
    String text = new InventoryJson("test").write(inv);
    assertEquals(List.of(), InventorySchema.violations(text), text);
  }

  @Test
  void aProductListedKnownNotAffectedIsNotMatchedThoughItsNameMatches() throws IOException {
    CsafDocument doc = cisa("2023/icsa-23-243-04");
    Asset router = asset("Digi International Inc.", "Digi 6350-SR", null, "1.0");
    FullProductName listed =
        doc.productTree().products().stream()
            .filter(p -> p.productName().equals("Digi 6350-SR"))
            .findFirst()
            .orElseThrow();
    DeviceProduct device = new DeviceProduct(router.vendor(), router.product(), router.model());
    assertTrue(new ProductMatcher().match(device, listed).matched());
    assertEquals(List.of(), matcher.match(router, List.of(doc)));
  }

  @Test
  void anAdvisoryWithoutAnyMatchingProductGivesNoMatch() throws IOException {
    CsafDocument doc = cisa("2023/icsa-23-222-07");
    Asset plc = asset("Siemens", "SCALANCE X208", "6GK5 208-0BA10-2AA3", "V5.2.4");
    assertEquals(List.of(), matcher.match(plc, List.of(doc)));
  }
}
