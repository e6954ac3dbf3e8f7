package io.fieldprint.advisories.match;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.fieldprint.advisories.csaf.FullProductName;
import io.fieldprint.advisories.match.ProductMatcher.DeviceProduct;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HostileInputTest {
  private static final String ALPHABET = "aZ09 -/*?()[]\u25a1.,&+ÃÂ\u00a0\u0000\t";

  private static String random(Random random, int max) {
    int length = random.nextInt(max);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }

  @Test
  void randomDeviceAndAdvisoryStringsNeverThrow() {
    Random random = new Random(20261123);
    ProductMatcher matcher = new ProductMatcher();
    for (int i = 0; i < 5_000; i++) {
      String vendor = random.nextBoolean() ? "Siemens" : random(random, 20);
      FullProductName advisory =
          ProductMatcherTest.product(
              random.nextBoolean() ? "Siemens" : random(random, 20),
              random(random, 60),
              random(random, 20),
              random.nextBoolean() ? random(random, 20) : "6ES7315-2EH14-0AB0");
      DeviceProduct device =
          new DeviceProduct(
              vendor, random(random, 40), random.nextBoolean() ? null : random(random, 30));
      assertNotNull(matcher.match(device, advisory).reason());
      assertNotNull(VersionRule.evaluate(advisory.versionLeaf(), random(random, 12)).reason());
    }
  }

  @Test
  void overLongStringsAreCutNotScannedWhole() {
    String huge = "SIMATIC ".repeat(50_000);
    FullProductName advisory = ProductMatcherTest.product("Siemens", huge, "vers:all/*");
    assertNotNull(new ProductMatcher().match(new DeviceProduct(huge, huge, huge), advisory));
    assertNotNull(VendorNames.candidates(List.of(huge).get(0)));
  }
}
