package io.fieldprint.advisories.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.decode.Parsed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FirmwareVersionTest {

  static FirmwareVersion version(String text) {
    Parsed<FirmwareVersion> parsed = FirmwareVersion.parse(text);
    if (parsed instanceof Parsed.Ok<FirmwareVersion> ok) {
      return ok.value();
    }
    throw new AssertionError(text + ": " + ((Parsed.Malformed<FirmwareVersion>) parsed).reason());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "V2.9.4 | 2.9.4",
        "03.10.12 | 3.10.12",
        "4.3 SP1 HF2 | 4.3 SP1 HF2",
        "V5.2 SP 3 HF 13 | 5.2 SP3 HF13",
        "FW 1.2.3 build 4567 | 1.2.3 build4567",
        "15.2(4a)EA5 | 15.2.4aEA5",
        "2020 SP1 | 2020 SP1",
        "R2.4 | 2.4",
        "v1.0.0-beta | 1.0.0-beta",
        "V14 SP1 Upd 6 | 14 SP1 Update6",
        "v.32.011 | 32.11",
        "< 2.74C | 2.74C",
      })
  void normalisesTheVersionFormsVendorsWrite(String text, String normalised) {
    String input = text.startsWith("< ") ? text.substring(2) : text;
    FirmwareVersion v = version(input);
    assertEquals(normalised, v.normalised());
    assertEquals(input, v.original());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "b7f3",
        "firmware_FullImg-1023-1007-1011-1009",
        "No version",
        "V1.0\u2026",
        "2021-8-13",
        "1.2.3 (Windows and Linux)",
      })
  void textThatIsNotAVersionGivesAReason(String text) {
    Parsed<FirmwareVersion> parsed = FirmwareVersion.parse(text);
    Parsed.Malformed<?> bad = assertInstanceOf(Parsed.Malformed.class, parsed, text);
    assertFalse(bad.reason().isBlank());
  }

  @Test
  void overlongAndNullTextIsRejectedWithAReason() {
    assertInstanceOf(Parsed.Malformed.class, FirmwareVersion.parse("1.".repeat(5_000)));
    assertInstanceOf(Parsed.Malformed.class, FirmwareVersion.parse(null));
  }

  @ParameterizedTest
  @CsvSource({
    "4.3, 4.3.0, 0",
    "03.10.12, 3.10.12, 0",
    "V4.33, 4.33, 0",
    "4.32.9, 4.33, -1",
    "4.33.1, 4.33, 1",
    "V5.2, V5.2 SP1, -1",
    "V5.2 SP3 HF12, V5.2 SP3 HF13, -1",
    "V5.2 SP3 HF13, V5.2 SP4, -1",
    "V5.2 SP 3 HF 13, V5.2 SP3 HF13, 0",
    "4.3 SP1 HF2, 4.3.1, -1",
    "V14 SP1 Update 6, V14 SP1 Update 10, -1",
    "1.0.0-beta, 1.0.0, -1",
    "1.0.0-alpha, 1.0.0-beta, -1",
    "2.74, 2.74C, -1",
    "2.74C, 2.75, -1",
    "1.2.3 build 4567, 1.2.3 build 4568, -1",
    "15.2(4a)EA5, 15.2(4a)EA6, -1",
    "15.2(4)EA5, 15.2(4a)EA5, -1",
    "15.2(5)EA1, 15.2(4a)EA9, 1",
    "2020 SP1, 2020, 1",
  })
  void ordersVersionsSegmentBySegment(String a, String b, int sign) {
    VersionOrder order = VersionOrder.of(version(a), version(b));
    assertTrue(order.decided());
    assertEquals(sign, order.sign(), a + " vs " + b);
    assertEquals(-sign, VersionOrder.of(version(b), version(a)).sign(), b + " vs " + a);
  }

  @Test
  void ciscoTrainsDoNotOrderAgainstDottedVersionsOrOtherTrains() {
    VersionOrder mixed = VersionOrder.of(version("15.2(4a)EA5"), version("V4.33"));
    assertFalse(mixed.decided());
    assertTrue(mixed.undecidable().contains("15.2(4a)EA5"), mixed.undecidable());
    assertFalse(VersionOrder.of(version("15.2(4a)EA5"), version("15.2(4a)SE5")).decided());
  }
}
