package io.fieldprint.advisories.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fieldprint.advisories.csaf.Branch;
import io.fieldprint.advisories.csaf.FullProductName;
import io.fieldprint.advisories.csaf.ProductIdentificationHelper;
import io.fieldprint.advisories.match.ProductMatch.Kind;
import io.fieldprint.advisories.match.ProductMatcher.DeviceProduct;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProductMatcherTest {
  private final ProductMatcher matcher = new ProductMatcher();

  static FullProductName product(String vendor, String name, String range, String... models) {
    ProductIdentificationHelper helper =
        models.length == 0
            ? ProductIdentificationHelper.NONE
            : new ProductIdentificationHelper(
                "", "", List.of(models), List.of(), List.of(), List.of());
    return new FullProductName(
        "CSAFPID-1",
        vendor + " " + name + " " + range,
        List.of(
            new Branch("vendor", vendor),
            new Branch("product_name", name),
            new Branch("product_version_range", range)),
        helper);
  }

  private Kind kind(String vendor, String prod, String model, FullProductName advisory) {
    return matcher.match(new DeviceProduct(vendor, prod, model), advisory).kind();
  }

  @Test
  void siemensOrderNumberWithBlankEqualsTheHelperModelNumber() {
    FullProductName p =
        product("Siemens", "SIMATIC S7-300 CPU 315-2 PN/DP", "vers:all/*", "6ES7315-2EH14-0AB0");
    ProductMatch m =
        matcher.match(new DeviceProduct("Siemens AG", "CPU 315-2 PN/DP", "6ES7 315-2EH14-0AB0"), p);
    assertEquals(Kind.EXACT_MODEL, m.kind(), m.reason());
  }

  @Test
  void modelNumberWildcardsMatchOneCharacterOrAnyRun() {
    assertEquals(
        Kind.EXACT_MODEL,
        kind(
            "Siemens",
            null,
            "6ES7 315-2EH14-0AB0",
            product("Siemens", "x", "*", "6ES7315-2EH14-*")));
    assertEquals(
        Kind.EXACT_MODEL,
        kind(
            "Siemens",
            null,
            "6ES7315-2EH14-0AB0",
            product("Siemens", "x", "*", "6ES7315-2EH1?-0AB0")));
    assertEquals(
        Kind.NONE,
        kind(
            "Siemens",
            null,
            "6ES7315-2EH14-0AB0",
            product("Siemens", "x", "*", "6ES7315-2EH13-*")));
    assertEquals(Kind.NONE, kind("Siemens", null, "6ES7315", product("Siemens", "x", "*", "*")));
  }

  @Test
  void orderNumberWrittenInTheProductNameIsAModelNumber() {
    FullProductName p =
        product(
            "Siemens", "SIMATIC S7-1500 CPU 1516-3 PN/DP (6ES7516-3AN01-0AB0)", "vers:all/<V2.9.7");
    assertEquals(Kind.EXACT_MODEL, kind("Siemens", "CPU 1516-3 PN/DP", "6ES7 516-3AN01-0AB0", p));
    assertEquals(Kind.NONE, kind("Siemens", "CPU 1516-3 PN/DP", "6ES7 516-3AN02-0AB0", p));
  }

  @Test
  void schneiderPartNumberWildcardInTheNameMatchesTheModbusProductCode() {
    FullProductName p =
        product("Schneider Electric", "Modicon M340 CPU (part numbers BMXP34*)", "<SV3.51");
    assertEquals(Kind.EXACT_MODEL, kind("Schneider Electric", "BMX P34 2020", "BMX P34 2020", p));
  }

  @Test
  void productNameMatchesWhenTheAdvisoryOnlyAddsBrandWordsInFront() {
    FullProductName p = product("Siemens", "SIMATIC S7-300 CPU 315-2 PN/DP", "vers:all/*");
    assertEquals(Kind.PRODUCT_NAME, kind("SIEMENS", "CPU 315-2 PN/DP", null, p));
    assertEquals(Kind.NONE, kind("SIEMENS", "CPU 317-2 PN/DP", null, p));
  }

  @Test
  void aMoreSpecificAdvisoryProductDoesNotMatchALessSpecificDevice() {
    FullProductName p = product("Siemens", "SIMATIC S7-1500 CPU 1516-3 PN/DP", "vers:all/*");
    assertEquals(Kind.NONE, kind("Siemens", "SIMATIC S7-1500", null, p));
  }

  @Test
  void aModelOfANamedSeriesMatchesTheSeries() {
    FullProductName p = product("Moxa", "EDS-510E Series firmware", "<= 5.2");
    assertEquals(Kind.PRODUCT_NAME, kind("Moxa Networking Co.Ltd.", "EDS-510E-3GTXSFP", null, p));
    assertEquals(Kind.NONE, kind("Moxa", "EDS-510A-3GT", null, p));
    FullProductName notASeries = product("Moxa", "EDS-510E firmware", "<= 5.2");
    assertEquals(Kind.NONE, kind("Moxa", "EDS-510E-3GTXSFP", null, notASeries));
  }

  @Test
  void omronPlaceholdersInTheProductNameAreWildcards() {
    for (String name :
        new String[] {"CJ2M-CPU \u25a1 \u25a1", "SYSMAC CJ2M-CPU[][]", "CJ2M-CPU**"}) {
      assertEquals(
          Kind.EXACT_MODEL,
          kind("OMRON Corporation", "CJ2M-CPU33", null, product("Omron", name, "*")),
          name);
      assertEquals(
          Kind.NONE,
          kind("OMRON Corporation", "CJ2H-CPU64", null, product("Omron", name, "*")),
          name);
    }
    FullProductName cp1l = product("Omron", "CP1L-EM \u25a1 \u25a1 D \u25a1 - \u25a1", "*");
    assertEquals(Kind.EXACT_MODEL, kind("Omron", "CP1L-EM40DT-D", null, cp1l));
  }

  @Test
  void aSlashListOfNumbersNamesEachProduct() {
    FullProductName p =
        product("Hirschmann Automation and Control GmbH, Belden Inc.", "EAGLE20/30", "03.2.00");
    assertEquals(
        Kind.PRODUCT_NAME, kind("Hirschmann Automation and Control GmbH", "EAGLE30", null, p));
    assertEquals(Kind.PRODUCT_NAME, kind("Belden", "EAGLE20", null, p));
    assertEquals(Kind.NONE, kind("Hirschmann", "EAGLE40", null, p));
    assertEquals(
        Kind.NONE,
        kind("Siemens", "CPU 315-2 PN", null, product("Siemens", "CPU 315-2 PN/DP", "*")));
  }

  @Test
  void siplusVariantsAreDistinctProducts() {
    FullProductName p = product("Siemens", "SIPLUS S7-300 CPU 315-2 PN/DP", "vers:all/*");
    assertEquals(Kind.NONE, kind("Siemens", "CPU 315-2 PN/DP", null, p));
  }

  @Test
  void genericWordsNeverMatchOnTheirOwn() {
    FullProductName p = product("Siemens", "CPU firmware all versions", "vers:all/*");
    assertEquals(Kind.NONE, kind("Siemens", "CPU", null, p));
    assertEquals(Kind.NONE, kind("Siemens", "firmware", null, p));
    assertEquals(
        Kind.NONE,
        kind(
            "Siemens",
            "ControlLogix 5580",
            null,
            product("Siemens", "ControlLogix 5570 controllers", "*")));
  }

  @Test
  void aVendorMismatchIsAlwaysNone() {
    FullProductName p =
        product("Siemens", "SIMATIC S7-300 CPU 315-2 PN/DP", "vers:all/*", "6ES7315-2EH14-0AB0");
    ProductMatch m =
        matcher.match(
            new DeviceProduct("Schneider Electric", "CPU 315-2 PN/DP", "6ES7315-2EH14-0AB0"), p);
    assertEquals(Kind.NONE, m.kind(), m.reason());
    assertEquals(Kind.NONE, kind(null, "CPU 315-2 PN/DP", "6ES7315-2EH14-0AB0", p));
  }

  @Test
  void allenBradleyFromTheCipVendorTableIsRockwell() {
    FullProductName p =
        product("Rockwell Automation ", "ControlLogix 5580 controllers", "<=32.013");
    assertEquals(Kind.FAMILY, kind("Rockwell Automation/Allen-Bradley", "1756-L83E/B", null, p));
  }

  @Test
  void aNumericCipProductCodeDoesNotVetoAFamilyPlaceholderMatch() {
    FullProductName p = product("Rockwell Automation", "ControlLogix 5580 (1756-L8z)", "<=32.013");
    assertEquals(Kind.FAMILY, kind("Rockwell Automation/Allen-Bradley", "1756-L83E/B", "166", p));
    assertEquals(Kind.NONE, kind("Rockwell Automation/Allen-Bradley", "1756-L83ES/B", "166", p));
  }

  /** One row per family in product-families.tsv: a member, then a device outside the family. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Siemens|CPU 315-2 PN/DP|6ES7 315-2EH14-0AB0|SIMATIC S7-300 CPU family (incl. related ET200 CPUs and SIPLUS variants)|CPU 1516-3 PN/DP|6ES7 516-3AN01-0AB0",
        "Siemens|CPU 1516-3 PN/DP|6ES7 516-3AN01-0AB0|SIMATIC S7-1500 CPU family (incl. related ET200 CPUs and SIPLUS variants)|CPU 315-2 PN/DP|6ES7 315-2EH14-0AB0",
        "Siemens|SCALANCE X208||SCALANCE X-200 switch family (incl. SIPLUS NET variants)|SCALANCE X204IRT|",
        "Siemens|SCALANCE X204IRT||SCALANCE X-200IRT switch family (incl.\u00a0SIPLUS NET variants)|SCALANCE X208|",
        "Rockwell Automation|1756-L83E/B||ControlLogix 5580 controllers|1756-L73/B|",
        "Rockwell Automation|1756-L81E||Studio 5000 Logix Designer ControlLogix 5580 controllers|1756-L83ES|",
        "Schneider Electric|BMX P34 2020|BMX P34 2020|M340 CPUs with firmware|BMX P58 4040|BMX P58 4040",
        "Rockwell Automation|5069-L320ER/A||CompactLogix 5380 controllers|5069-L4200ER|",
        "Omron|CJ2M-CPU33||Omron PLC CJ series|CJ2H-CPU64|",
        "Omron|CJ2M-CPU33||SYSMAC CJ2M|CP1L-EM40DT-D|",
        "Schneider Electric|BMX P34 2020|BMX P34 2020|Modicon M340|BMX P58 4040|BMX P58 4040",
        "Hitachi Energy|REL670||Relion 670/650 series|REL650|",
        "Hitachi Energy|RET670||Relion 670 series|SAM600-IO|",
        "Yokogawa|STARDOM FCN-500||STARDOM FCN/FCJ|CENTUM VP|",
        "Mitsubishi Electric|R04CPU||MELSEC iQ-R iQ-F Q L and F series|FX5U-32MT/ES|",
        "Mitsubishi Electric|R08ENCPU||MELSEC iQ-R series 04/08/16/32/120(EN)CPU|R00CPU|",
        "Siemens|CPU 1214C DC/DC/DC|6ES7 214-1AG40-0XB0|SIMATIC S7-1200 CPU family (incl. SIPLUS variants)|CPU 1516-3 PN/DP|6ES7 516-3AN01-0AB0",
        "Siemens|SCALANCE X308-2||SCALANCE X-300 switch family (incl. X408 and SIPLUS NET variants)|SCALANCE X208|",
        "Siemens|SCALANCE XM408-8C||SCALANCE XM-400 Family|SCALANCE XR524-8C|",
        "Siemens|SCALANCE XR524-8C||SCALANCE XR-500 Family|SCALANCE XM408-8C|",
        "Rockwell Automation|1756-L83ES/B||GuardLogix 5580 controllers|1756-L83E/B|",
        "Rockwell Automation|1769-L33ER/A||CompactLogix 5370 controllers|1769-L33ERMS/A|",
        "Rockwell Automation|1769-L18ERM-BB1B||Allen-Bradley CompactLogix 5370 L1 controllers|1769-L33ER|",
        "Rockwell Automation|1769-L24ER-QB1B||CompactLogix 5370 L2 controllers|1769-L16ER-BB1B|",
        "Rockwell Automation|1769-L36ERM||CompactLogix 5370 L3 controllers|1769-L27ERM-QBFC1B|",
        "Rockwell Automation|1769-L33ERMS||Compact GuardLogix 5370 controllers|1769-L33ERM|",
        "Rockwell Automation|5069-L46ERMW||CompactLogix 5480 controllers|5069-L320ER|",
        "Rockwell Automation|5069-L320ERS2||Compact GuardLogix 5380 controllers|5069-L320ER|",
      })
  void everyFamilyHasItsMembersAndNoOthers(
      String vendor,
      String member,
      String memberModel,
      String family,
      String other,
      String otherModel) {
    FullProductName p = product(vendor, family, "vers:all/*");
    assertEquals(Kind.FAMILY, kind(vendor, member, memberModel, p), member);
    assertEquals(Kind.NONE, kind(vendor, other, otherModel, p), other);
  }

  @Test
  void aPartialHelperModelNumberIsAPrefixButANameIsNot() {
    FullProductName partial = product("Siemens", "x", "*", "6ES7516-3AN0");
    assertEquals(Kind.EXACT_MODEL, kind("Siemens", null, "6ES7 516-3AN01-0AB0", partial));
    assertEquals(Kind.NONE, kind("Siemens", null, "6ES7 517-3AN01-0AB0", partial));
    FullProductName inName = product("Siemens", "CPU (6ES7516-3AN01-0AB0)", "*");
    assertEquals(Kind.NONE, kind("Siemens", null, "6ES7 516-3AN01-0AB0X", inName));
  }

  @Test
  void aListOfModelNumbersWithSharedPrefixAndSuffixNamesEachModel() {
    FullProductName list = product("Mitsubishi Electric", "R04/08/16/32/120(EN)CPU", "<=66");
    assertEquals(Kind.EXACT_MODEL, kind("Mitsubishi Electric", "R04CPU", null, list));
    assertEquals(Kind.EXACT_MODEL, kind("Mitsubishi Electric", "R120ENCPU", null, list));
    assertEquals(Kind.NONE, kind("Mitsubishi Electric", "R02CPU", null, list));
    FullProductName enOnly = product("Mitsubishi Electric", "R04/08/16/32/120ENCPU", "<=65");
    assertEquals(Kind.NONE, kind("Mitsubishi Electric", "R04CPU", null, enOnly));
    FullProductName optional = product("Mitsubishi Electric", "MELSEC iQ-R R04(EN)CPU", "<=65");
    assertEquals(Kind.EXACT_MODEL, kind("Mitsubishi Electric", "R04ENCPU", null, optional));
    FullProductName ge = product("General Electric (GE)", "PACSystems RX3i CPE305/310", "<=9.20");
    assertEquals(Kind.EXACT_MODEL, kind("GE", "CPE310", "IC695CPE310", ge));
    FullProductName desigo =
        product("Siemens", "Desigo Automation Controllers Compact PXC12/22/36-E.D", "*");
    assertEquals(Kind.EXACT_MODEL, kind("Siemens", null, "PXC22-E.D", desigo));
    assertEquals(Kind.NONE, kind("Siemens", null, "PXC24-E.D", desigo));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ABB|REL670|Hitachi Energy|Relion 670 series|ABB|Panel Builder 800",
        "Hitachi Energy|RTU500 series CMU|ABB|RTU500 series CMU|Hitachi Energy|eSOMS",
        "Emerson|CPE305|General Electric (GE)|PACSystems RX3i CPE305/310|Emerson|DeltaV",
        "GE Intelligent Platforms|CPE330|Emerson|CPE330|GE|D60",
      })
  void aProductLineThatChangedHandsMatchesAdvisoriesOfBothVendorsAndNothingElse(
      String deviceVendor,
      String member,
      String advisoryVendor,
      String advisoryProduct,
      String otherVendor,
      String other) {
    FullProductName p = product(advisoryVendor, advisoryProduct, "vers:all/*");
    ProductMatch m = matcher.match(new DeviceProduct(deviceVendor, member, null), p);
    assertEquals(true, m.matched(), m.reason());
    assertEquals(true, m.reason().contains("also published by"), m.reason());
    FullProductName otherLine = product(advisoryVendor, other, "vers:all/*");
    assertEquals(Kind.NONE, kind(otherVendor, other, null, otherLine), other);
  }

  @Test
  void everyLineageEntryIsCoveredByATest() {
    assertEquals(4, VendorLineage.all().size());
  }

  @Test
  void everyFamilyEntryIsCoveredByATest() {
    assertEquals(24, ProductFamilies.all().size());
  }
}
