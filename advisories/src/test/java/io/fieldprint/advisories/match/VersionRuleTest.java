package io.fieldprint.advisories.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.advisories.csaf.Branch;
import io.fieldprint.advisories.version.VersionComparison.Verdict;
import org.junit.jupiter.api.Test;

class VersionRuleTest {

  private static Branch range(String text) {
    return new Branch("product_version_range", text);
  }

  @Test
  void theUpperBoundOfARangeIsTheFixedVersion() {
    VersionRule rule = VersionRule.evaluate(range("vers:all/<V2.9.7"), "V2.9.4");
    assertEquals(Verdict.AFFECTED, rule.verdict(), rule.reason());
    assertEquals("V2.9.7", rule.fixedVersion());
    assertEquals("vers:all/<V2.9.7", rule.text());
  }

  @Test
  void aVersionAtTheFixedVersionIsNotAffected() {
    assertEquals(
        Verdict.NOT_AFFECTED, VersionRule.evaluate(range("vers:all/<V2.9.7"), "V2.9.7").verdict());
  }

  @Test
  void allVersionsHaveNoFixedVersion() {
    VersionRule rule = VersionRule.evaluate(range("vers:all/*"), "V1.0");
    assertEquals(Verdict.AFFECTED, rule.verdict());
    assertNull(rule.fixedVersion());
  }

  @Test
  void aMissingFirmwareIsUnknownEvenForAllVersions() {
    VersionRule rule = VersionRule.evaluate(range("vers:all/*"), null);
    assertEquals(Verdict.UNKNOWN, rule.verdict());
    assertTrue(rule.reason().contains("no firmware"), rule.reason());
  }

  @Test
  void aRuleThatDoesNotParseIsUnknownWithTheParsersReason() {
    VersionRule rule = VersionRule.evaluate(range("see the vendor's advisory"), "03.08.08(20)");
    assertEquals(Verdict.UNKNOWN, rule.verdict());
    assertNull(rule.range());
    assertTrue(rule.reason().startsWith("version rule not understood"), rule.reason());
  }

  @Test
  void aProductWithoutAVersionLeafIsUnknown() {
    VersionRule rule = VersionRule.evaluate(null, "V1.0");
    assertEquals(Verdict.UNKNOWN, rule.verdict());
    assertNull(rule.text());
  }

  @Test
  void anExactVersionLeafMatchesOnlyThatVersion() {
    Branch leaf = new Branch("product_version", "V35.011");
    assertEquals(Verdict.AFFECTED, VersionRule.evaluate(leaf, "35.011").verdict());
    assertEquals(Verdict.NOT_AFFECTED, VersionRule.evaluate(leaf, "34.011").verdict());
  }

  @Test
  void aRemarkAfterTheRangeOnlyNarrowsIt() {
    Branch leaf = new Branch("product_version_range", "<= 2.0.0.10 (RES670 2.0.0.4 and prior)");
    assertEquals(Verdict.NOT_AFFECTED, VersionRule.evaluate(leaf, "2.2.3.2").verdict());
    VersionRule inside = VersionRule.evaluate(leaf, "2.0.0.4");
    assertEquals(Verdict.UNKNOWN, inside.verdict());
    assertTrue(inside.reason().contains("narrows"), inside.reason());
  }

  @Test
  void aReleaseNamedInTheProductNameBoundsAnAllVersionsLeaf() {
    Branch all = new Branch("product_version_range", "vers:all/*");
    String name = "RTU500 series CMU Firmware Version 12.4";
    assertEquals(Verdict.NOT_AFFECTED, VersionRule.evaluate(all, name, "13.5.1").verdict());
    assertEquals(Verdict.AFFECTED, VersionRule.evaluate(all, name, "12.4").verdict());
    assertEquals(Verdict.UNKNOWN, VersionRule.evaluate(all, name, "12.4.3").verdict());
    assertEquals(Verdict.AFFECTED, VersionRule.evaluate(all, "RTU500 series", "13.5.1").verdict());
  }
}
