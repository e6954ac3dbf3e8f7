package io.fieldprint.advisories.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.advisories.version.VersionComparison.Verdict;
import io.fieldprint.protocols.decode.Parsed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Range strings are taken from the CISA corpus unless they are vers spec examples. */
class VersionRangeTest {

  static VersionRange range(String text) {
    Parsed<VersionRange> parsed = VersionRange.parse(text);
    if (parsed instanceof Parsed.Ok<VersionRange> ok) {
      return ok.value();
    }
    throw new AssertionError(text + ": " + ((Parsed.Malformed<VersionRange>) parsed).reason());
  }

  @ParameterizedTest(name = "{1} in ''{0}'' is {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "vers:generic/>=1.0|<2.0; 1.0; AFFECTED",
        "vers:generic/>=1.0|<2.0; 1.5; AFFECTED",
        "vers:generic/>=1.0|<2.0; 2.0; NOT_AFFECTED",
        "vers:generic/>=1.0|<2.0; 0.9; NOT_AFFECTED",
        "vers:all/*; 7.1; AFFECTED",
        "vers:all/<V4.33; V2.9.4; AFFECTED",
        "vers:all/<V4.33; V4.32.99; AFFECTED",
        "vers:all/<V4.33; V4.33; NOT_AFFECTED",
        "vers:all/<V4.33; 4.33.0; NOT_AFFECTED",
        "vers:all/<V4.33; V4.33.1; NOT_AFFECTED",
        "vers:all/>=V7.80<V9.40; V7.80; AFFECTED",
        "vers:all/>=V7.80<V9.40; V8.1; AFFECTED",
        "vers:all/>=V7.80<V9.40; V9.40; NOT_AFFECTED",
        "vers:all/>=V7.80<V9.40; V7.79; NOT_AFFECTED",
        "vers:all/>=V11.5.1|<V11.6.2; V11.6.1; AFFECTED",
        "vers:all/<V5.2 SP 3 HF 13; V5.2 SP3 HF12; AFFECTED",
        "vers:all/<V5.2 SP 3 HF 13; V5.2 SP3 HF13; NOT_AFFECTED",
        "vers:all/<V5.2 SP 3 HF 13; V5.2 SP4; NOT_AFFECTED",
        "vers:all/<V2020 SP1 Update 1; V2020 SP1; AFFECTED",
        "<V3.0.29; V3.0.28; AFFECTED",
        "< V4.1.3; 4.1.3; NOT_AFFECTED",
        "<= 5.008; 5.8; AFFECTED",
        "All versions; 1.0; AFFECTED",
        "all versions; 1.0; AFFECTED",
        "All versions < V4.33; V4.3; AFFECTED",
        "All versions < V8.2 SP1; V8.2; AFFECTED",
        "All versions < V1.5 SP3 Update 2; V1.5 SP3 Update 1; AFFECTED",
        "All versions prior to V2.1; V2.0.9; AFFECTED",
        "All versions prior to V2.1; V2.1; NOT_AFFECTED",
        "<= 3.07.11; 3.7.11; AFFECTED",
        "<= 3.07.11; 3.07.12; NOT_AFFECTED",
        "3.07.11 and earlier; 3.07.10; AFFECTED",
        "3.07.11 and prior; 3.07.12; NOT_AFFECTED",
        "SCADA Web Server Version 2.02.0007 and prior; 2.02.0007; UNKNOWN_PARSE",
        "V3.0 and later; V3.0; AFFECTED",
        "V3.0 and later; V2.9; NOT_AFFECTED",
        "> 4.001 | < 4.005 | > 5.011 | < 5.017; 4.003; AFFECTED",
        "> 4.001 | < 4.005 | > 5.011 | < 5.017; 4.005; NOT_AFFECTED",
        "> 4.001 | < 4.005 | > 5.011 | < 5.017; 5.012; AFFECTED",
        "> 4.001 | < 4.005 | > 5.011 | < 5.017; 4.010; NOT_AFFECTED",
        ">=1.220|<=1.281; 1.281; AFFECTED",
        "All versions >= V2.0 and < V2.1.6; V2.1.5; AFFECTED",
        "All versions >= V2.0 and < V2.1.6; V2.1.6; NOT_AFFECTED",
        "All versions between V3.0 (including) and V3.0.2 (excluding); V3.0.1; AFFECTED",
        "All versions between V3.0 (including) and V3.0.2 (excluding); V3.0.2; NOT_AFFECTED",
        "28.011 | 28.012 | 28.013; 28.012; AFFECTED",
        "28.011 | 28.012 | 28.013; 28.014; NOT_AFFECTED",
        "V3.0, V4.0; V4.0; AFFECTED",
        "V8.0; V8.0; AFFECTED",
        "< V3.X.17; V3.5.16; AFFECTED",
        "< V3.X.17; V3.5.17; NOT_AFFECTED",
        "< V3.X.17; V4.0.1; NOT_AFFECTED",
        "4.*; 4.2.1; AFFECTED",
        "4.*; 5.0; NOT_AFFECTED",
        "<=2.x; 2.9.1; AFFECTED",
        "<=2.x; 3.0; NOT_AFFECTED",
        "1.5.x | 1.6.x | 1.7.x; 1.6.3; AFFECTED",
        "28  - 32; 30; AFFECTED",
        "28  - 32; 33; NOT_AFFECTED",
        "12.0.1-12.0.13; 12.0.5; AFFECTED",
        "<= 15.2(4a)EA5; 15.2(4a)EA3; AFFECTED",
        "<= 15.2(4a)EA5; 15.2(4a)EA6; NOT_AFFECTED",
        "<= 15.2(4a)EA5; V4.33; UNKNOWN",
        "< V4.33; 15.2(4a)EA5; UNKNOWN",
        "< V4.33; b7f3; UNKNOWN",
        "< 4.3.2; 4.3; UNKNOWN",
        "< 4.3.0; 4.3; NOT_AFFECTED",
        "< 4.33; 4.33.1; NOT_AFFECTED",
        "<= 32; 32.011; UNKNOWN",
        "<= 32; 32.0; AFFECTED",
        ">= 4.33; 4.33.1; AFFECTED",
        "2.96 | 3.00 | 3.01 | 3.06 | 3.07 | >= 3.08 | <= 3.10 | >= 4.00 | <= 4.03 | >= 4.03 | <= 4.04 | >= 4.04 | <= 4.63 | >= 4.72; 3.00; AFFECTED",
        "2.96 | 3.00 | 3.01 | 3.06 | 3.07 | >= 3.08 | <= 3.10 | >= 4.00 | <= 4.03 | >= 4.03 | <= 4.04 | >= 4.04 | <= 4.63 | >= 4.72; 3.09; AFFECTED",
        "2.96 | 3.00 | 3.01 | 3.06 | 3.07 | >= 3.08 | <= 3.10 | >= 4.00 | <= 4.03 | >= 4.03 | <= 4.04 | >= 4.04 | <= 4.63 | >= 4.72; 4.50; AFFECTED",
        "2.96 | 3.00 | 3.01 | 3.06 | 3.07 | >= 3.08 | <= 3.10 | >= 4.00 | <= 4.03 | >= 4.03 | <= 4.04 | >= 4.04 | <= 4.63 | >= 4.72; 4.65; NOT_AFFECTED",
        "2.96 | 3.00 | 3.01 | 3.06 | 3.07 | >= 3.08 | <= 3.10 | >= 4.00 | <= 4.03 | >= 4.03 | <= 4.04 | >= 4.04 | <= 4.63 | >= 4.72; 5.0; AFFECTED",
        "2.96 | 3.00 | 3.01 | 3.06 | 3.07 | >= 3.08 | <= 3.10 | >= 4.00 | <= 4.03 | >= 4.03 | <= 4.04 | >= 4.04 | <= 4.63 | >= 4.72; 3.02; NOT_AFFECTED",
        "< 02.07.07(10); 02.06.20(09); AFFECTED",
        "< 02.07.07(10); 03.01.07(13); NOT_AFFECTED",
        ">FW16_up_to_and_including_FW26; 03.08.08(20); AFFECTED",
        ">FW16_up_to_and_including_FW26; 03.01.07(13); NOT_AFFECTED",
        ">FW16_up_to_and_including_FW26; 03.10.08(27); NOT_AFFECTED",
        ">FW16_up_to_and_including_FW26; 3.8.8; UNKNOWN",
        "<=(R4.10); R4.10; AFFECTED",
        "<=(R4.10); R4.11; NOT_AFFECTED",
        "<=firmware_65; 60; AFFECTED",
        "<=firmware_65; 66; NOT_AFFECTED",
        "2.2.3  until 2.2.3.3; 2.2.3.2; AFFECTED",
        "2.2.3  until 2.2.3.3; 2.2.3.4; NOT_AFFECTED",
        "2404267 version 1.x; 1.4.0; AFFECTED",
        "1046568  (Starterkit) version 1.x; 2022.0.4; NOT_AFFECTED",
        ">= R1.01 | <= R4.31 (Only affected by CVE-2022-30997); R4.50; NOT_AFFECTED",
        ">= R1.01 | <= R4.31 (Only affected by CVE-2022-30997); R4.10; AFFECTED",
      })
  void decidesWhetherADeviceVersionIsInTheRange(String text, String device, String expected) {
    if (expected.equals("UNKNOWN_PARSE")) {
      assertInstanceOf(Parsed.Malformed.class, VersionRange.parse(text), text);
      return;
    }
    VersionComparison result = range(text).contains(device);
    assertEquals(Verdict.valueOf(expected), result.verdict(), result.reason());
    assertFalse(result.reason().isBlank());
  }

  @Test
  void reasonsNameBothVersions() {
    assertEquals("V2.9.4 < V4.33", range("vers:all/<V4.33").contains("V2.9.4").reason());
    String unknown = range("< V4.33").contains("b7f3").reason();
    assertTrue(unknown.contains("b7f3") && unknown.contains("V4.33"), unknown);
    String ios = range("< V4.33").contains("15.2(4a)EA5").reason();
    assertTrue(ios.contains("15.2(4a)EA5"), ios);
  }

  @Test
  void allVersionsCoversEvenTextThatIsNotAVersion() {
    assertEquals(Verdict.AFFECTED, range("vers:all/*").contains("b7f3").verdict());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "V4.7: < V4.7 HF27",
        "<June/2/2023",
        "< january 31 2014",
        "<=the_first_5_digits_of_serial_number_24031",
        "NMC2 <= 6.9.6",
        "16 <= 20",
        "No version",
        "vers:all/*_installed_on_CP200_devices",
        "<=firmware_FullImg-1023-1007-1011-1009",
        " <1.000.HW00.21.20190812",
        "< 2.1.0 (Windows and Linux)",
        "< 2021-8-13",
        "vers:all",
        "|||",
        "",
      })
  void formsWithoutASingleReadingGiveAReasonInsteadOfAGuess(String text) {
    Parsed.Malformed<?> bad = assertInstanceOf(Parsed.Malformed.class, VersionRange.parse(text));
    assertFalse(bad.reason().isBlank(), text);
  }
}
