package io.fieldprint.protocols.passive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fieldprint.protocols.inventory.Inventory;
import io.fieldprint.protocols.inventory.InventoryJson;
import io.fieldprint.protocols.inventory.MergeLimits;
import io.fieldprint.protocols.oui.MacVendors;
import io.fieldprint.protocols.packet.DissectorLimits;
import io.fieldprint.protocols.testing.InventorySchema;
import io.fieldprint.protocols.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests: every real capture in {@code shared/data/pcaps} gives exactly the inventory checked
 * in under {@code src/test/resources/golden/} (values checked against the capture with tshark when
 * the expected file was written). Run with {@code -Dgolden.update=true} to rewrite the expected
 * files after a deliberate change, then review the diff.
 */
class GoldenCaptureTest {
  private static final Path GOLDEN =
      Path.of(System.getProperty("fieldprint.root", ".."), "protocols/src/test/resources/golden");

  static Stream<String> captures() throws IOException {
    Path pcaps = SharedData.root().resolve("pcaps");
    try (Stream<Path> files = Files.walk(pcaps)) {
      return files
          .filter(f -> f.toString().endsWith(".pcap") || f.toString().endsWith(".pcapng"))
          .map(f -> pcaps.relativize(f).toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captures")
  void captureGivesItsGoldenInventory(String capture) throws IOException {
    String actual = inventoryOf(capture);
    assertEquals(List.of(), InventorySchema.violations(actual), "schema violations");
    Path expected = GOLDEN.resolve(capture + ".json");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(expected.getParent());
      Files.writeString(expected, actual);
    }
    assertEquals(Files.readString(expected), actual, "golden inventory of " + capture);
  }

  static String inventoryOf(String capture) {
    PassiveIdentification passive =
        new PassiveIdentification(
            StandardDecoders.create(),
            DissectorLimits.defaults(),
            MergeLimits.DEFAULT,
            MacVendors.shipped()::vendorOf);
    Inventory inv = passive.run(List.of(new CaptureInput(SharedData.pcap(capture), capture)));
    return new InventoryJson("golden").write(inv);
  }
}
