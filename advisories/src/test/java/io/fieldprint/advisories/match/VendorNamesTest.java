package io.fieldprint.advisories.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VendorNamesTest {

  static Stream<String[]> aliasRows() throws IOException {
    try (InputStream in =
        VendorNames.class.getResourceAsStream("/io/fieldprint/knowledge/vendor-aliases.tsv")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.split("\t"))
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("aliasRows")
  void everyAliasRowNormalisesToItsCanonicalVendor(String canonical, String alias) {
    assertEquals(VendorNames.normalise(canonical), VendorNames.normalise(alias), alias);
    assertEquals(Set.of(VendorNames.normalise(canonical)), VendorNames.candidates(alias), alias);
  }

  @Test
  void caseBlanksAndLegalSuffixesAreIgnored() {
    assertEquals("siemens", VendorNames.normalise(" SIEMENS  AG "));
    assertEquals("schneider electric", VendorNames.normalise("Schneider Electric "));
    assertEquals("schneider electric", VendorNames.normalise(" Schneider Electric"));
    assertEquals("rockwell automation", VendorNames.normalise("Rockwell Automation "));
    assertEquals("pilz", VendorNames.normalise("Pilz GmbH & Co. KG"));
    assertEquals("digi international", VendorNames.normalise("Digi International, Inc."));
  }

  @Test
  void mojibakeIsRepairedBeforeComparing() {
    assertEquals("geutebrück", VendorNames.normalise("GeutebrÃ¼ck"));
    assertEquals(VendorNames.normalise("Geutebrück GmbH"), VendorNames.normalise("GeutebrÃ¼ck"));
  }

  @Test
  void compositeAdvisoryVendorsNameEachVendor() {
    assertEquals(
        Set.of("abb", "phoenix contact", "schneider electric", "siemens", "wago"),
        VendorNames.candidates("ABB, Phoenix Contact, Schneider Electric, Siemens, and WAGO"));
  }

  @Test
  void emersonAndGeAreTwoVendorsAndGeVernovaIsGe() {
    assertNotEquals(VendorNames.normalise("Emerson"), VendorNames.normalise("General Electric"));
    assertEquals(VendorNames.normalise("GE"), VendorNames.normalise("GE Vernova"));
    assertEquals(VendorNames.normalise("GE"), VendorNames.normalise("GE Intelligent Platforms"));
    assertEquals(
        Set.of("ge", "emerson"), VendorNames.candidates("General Electric (GE) and Emerson"));
  }

  @Test
  void differentVendorsStayDifferent() {
    assertNotEquals(VendorNames.normalise("Siemens"), VendorNames.normalise("Schneider Electric"));
    assertNotEquals(
        VendorNames.normalise("Delta Electronics"), VendorNames.normalise("Delta Controls"));
    assertNotEquals(
        VendorNames.normalise("Phoenix Contact"),
        VendorNames.normalise("Phoenix Broadband Technologies LLC"));
    assertNotEquals(
        VendorNames.normalise("Mitsubishi Electric"),
        VendorNames.normalise("Mitsubishi Heavy Industries Ltd."));
  }

  @Test
  void nullBlankAndHostileInputGiveAnEmptyOrBoundedKey() {
    assertEquals("", VendorNames.normalise(null));
    assertEquals("", VendorNames.normalise("   "));
    assertEquals("", VendorNames.normalise("\u0000\u0001"));
    assertTrue(VendorNames.normalise("x".repeat(100_000)).length() <= VendorNames.MAX_LENGTH);
    assertEquals(Set.of(), VendorNames.candidates(null));
    assertEquals(List.of(), List.copyOf(VendorNames.candidates("")));
  }
}
