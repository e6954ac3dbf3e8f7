package io.fieldprint.protocols.passive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.inventory.Inventory;
import io.fieldprint.protocols.inventory.InventoryJson;
import io.fieldprint.protocols.inventory.InventorySource;
import io.fieldprint.protocols.inventory.MacRegistry;
import io.fieldprint.protocols.inventory.MergeLimits;
import io.fieldprint.protocols.packet.DissectorLimits;
import io.fieldprint.protocols.testing.InventorySchema;
import io.fieldprint.protocols.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole passive pipeline (readers, dissector, every decoder, merge, JSON) on damaged real
 * captures: truncated, bit-flipped, with garbage appended. Never an exception, always a valid
 * inventory, and what was read before the damage is still reported.
 */
class HostileCaptureTest {
  @TempDir Path tmp;

  private static Inventory run(Path file) {
    return new PassiveIdentification(
            StandardDecoders.create(),
            DissectorLimits.defaults(),
            MergeLimits.DEFAULT,
            MacRegistry.NONE)
        .run(List.of(new CaptureInput(file, file.getFileName().toString())));
  }

  private static void assertValid(Inventory inv) {
    String json = new InventoryJson("test").write(inv);
    assertEquals(List.of(), InventorySchema.violations(json));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "icsnpp-modbus/modbus_example.pcap",
        "icsnpp-opcua-binary/open62541_client-server-getEndpoints.pcap",
        "icsnpp-enip/enip_cip_example.pcap",
        "iti-ics-security-tools/s7/s7comm_reading_plc_status.pcap",
        "iti-ics-security-tools/profinet/ChangeIPUsingDCP.pcap",
        "icsnpp-profinet-io-cm/profinet_io_cm_read.pcapng"
      })
  void mutatedCapturesNeverBreakThePipeline(String capture) throws IOException {
    byte[] original = Files.readAllBytes(SharedData.pcap(capture));
    Random random = new Random(capture.hashCode());
    for (int round = 0; round < 60; round++) {
      byte[] bytes = original.clone();
      int flips = 1 + random.nextInt(64);
      for (int i = 0; i < flips; i++) {
        // keep the file header intact half of the time so the damage reaches the decoders
        int from = round % 2 == 0 ? Math.min(64, bytes.length - 1) : 0;
        bytes[from + random.nextInt(bytes.length - from)] ^= (byte) (1 << random.nextInt(8));
      }
      Path damaged = Files.write(tmp.resolve("mutated-" + round), bytes);
      assertValid(run(damaged));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "icsnpp-modbus/modbus_example.pcap",
        "icsnpp-profinet-io-cm/profinet_io_cm_device.pcapng"
      })
  void aTruncatedCaptureKeepsWhatCameBeforeTheCut(String capture) throws IOException {
    byte[] original = Files.readAllBytes(SharedData.pcap(capture));
    Inventory whole = run(SharedData.pcap(capture));
    Random random = new Random(7);
    for (int round = 0; round < 40; round++) {
      // past the file headers (a cut inside them leaves nothing to read: a failed source)
      int cut = original.length / 4 + random.nextInt(original.length - original.length / 4);
      Path truncated =
          Files.write(tmp.resolve("cut-" + cut), java.util.Arrays.copyOf(original, cut));
      Inventory inv = run(truncated);
      assertValid(inv);
      InventorySource source = inv.sources().get(0);
      assertTrue(source.frames() <= whole.sources().get(0).frames());
      assertFalse(source.status().equals("failed"), source.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"icsnpp-modbus/modbus_example.pcap"})
  void garbageAfterAValidCaptureIsAWarningAndTheDevicesRemain(String capture) throws IOException {
    byte[] original = Files.readAllBytes(SharedData.pcap(capture));
    byte[] garbage = new byte[4096];
    new Random(1).nextBytes(garbage);
    byte[] joined = java.util.Arrays.copyOf(original, original.length + garbage.length);
    System.arraycopy(garbage, 0, joined, original.length, garbage.length);
    Path file = Files.write(tmp.resolve("garbage.pcap"), joined);

    Inventory inv = run(file);

    assertValid(inv);
    assertEquals("partial", inv.sources().get(0).status());
    assertEquals(run(SharedData.pcap(capture)).assets().size(), inv.assets().size());
  }
}
