package io.fieldprint.advisories.version;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.fieldprint.protocols.decode.Parsed;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VersionGarbageTest {
  private static final String ALPHABET =
      "0123456789..--__ ||<<>>==!*xXVvSPHFUpdatebuild(),\u00e9\u2026\u0000";

  @Test
  void hugeAndUnicodeInputsAreRejectedWithAReason() {
    assertInstanceOf(Parsed.Malformed.class, VersionRange.parse("<" + "9".repeat(10_000)));
    assertInstanceOf(Parsed.Malformed.class, VersionRange.parse("1|".repeat(5_000)));
    assertInstanceOf(Parsed.Malformed.class, VersionRange.parse("< V1.0\u00a0\u2026"));
    assertInstanceOf(Parsed.Malformed.class, VersionRange.parse(null));
    assertInstanceOf(Parsed.Malformed.class, FirmwareVersion.parse("99999999999999999999"));
  }

  @Test
  void randomTextNeverThrowsAndEveryOutcomeHasAReason() {
    Random random = new Random(20261123);
    for (int i = 0; i < 20_000; i++) {
      String rangeText = randomText(random);
      String deviceText = randomText(random);
      Parsed<VersionRange> range = VersionRange.parse(rangeText);
      if (range instanceof Parsed.Ok<VersionRange> ok) {
        VersionComparison result = ok.value().contains(deviceText);
        assertNotNull(result.verdict());
        assertFalse(result.reason().isBlank(), rangeText + " / " + deviceText);
      } else {
        assertFalse(((Parsed.Malformed<VersionRange>) range).reason().isBlank());
      }
    }
  }

  private static String randomText(Random random) {
    int length = random.nextInt(24);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }
}
