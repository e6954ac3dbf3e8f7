package io.fieldprint.agent.service.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.agent.service.inventory.LiveInventory;
import io.fieldprint.protocols.inventory.Inventory;
import io.fieldprint.protocols.inventory.InventorySource;
import io.fieldprint.protocols.inventory.MergeLimits;
import io.fieldprint.protocols.oui.MacVendors;
import io.fieldprint.protocols.packet.DissectorLimits;
import io.fieldprint.protocols.passive.CaptureInput;
import io.fieldprint.protocols.passive.PassiveIdentification;
import io.fieldprint.protocols.passive.StandardDecoders;
import io.fieldprint.protocols.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay of real captures into the agent's live inventory gives the very assets {@code fieldprint
 * pcap} gives for the same file (the same decoders, the same capture name in the evidence).
 */
class ReplayCaptureTest {
  private static final Path EXAMPLE =
      Path.of(System.getProperty("fieldprint.root", ".."), "examples/plant-example.pcapng")
          .toAbsolutePath()
          .normalize();

  @TempDir Path dir;

  private static Inventory pcapCommand(Path file) {
    return new PassiveIdentification(
            StandardDecoders.create(),
            DissectorLimits.defaults(),
            MergeLimits.DEFAULT,
            MacVendors.shipped()::vendorOf)
        .run(List.of(CaptureInput.of(file)));
  }

  private static Inventory replayed(Path file, int rate) throws Exception {
    LiveInventory inventory = new LiveInventory(MergeLimits.DEFAULT);
    try (ReplayCapture replay = ReplayCapture.start(file, rate, inventory)) {
      inventory.source("replay", replay::source);
      assertTrue(replay.awaitFinished(60_000), "replay of " + file + " ended");
    }
    return inventory.snapshot();
  }

  @Test
  void theBundledExampleReplayedAtTheDefaultRateYieldsTheAssetsOfFieldprintPcap() throws Exception {
    Inventory expected = pcapCommand(EXAMPLE);
    Inventory actual = replayed(EXAMPLE, 1000);

    assertFalse(expected.assets().isEmpty());
    assertEquals(expected.assets(), actual.assets());
    assertEquals(expected.findings(), actual.findings());
    InventorySource source = actual.sources().get(0);
    assertEquals("pcap", source.kind());
    assertEquals("ok", source.status());
    assertEquals(expected.sources().get(0).frames(), source.frames());
  }

  @Test
  void aSharedEthernetIpCaptureReplayedYieldsTheAssetsOfFieldprintPcap() throws Exception {
    Path capture = SharedData.pcap("iti-ics-security-tools/ethernetip/EthernetIP-CIP.pcap");
    Inventory expected = pcapCommand(capture);
    Inventory actual = replayed(capture, 1_000_000);

    assertFalse(expected.assets().isEmpty());
    assertEquals(expected.assets(), actual.assets());
    assertEquals(expected.sources().get(0).frames(), actual.sources().get(0).frames());
  }

  @Test
  void aFileThatIsNoCaptureIsAFailedSourceAndTheReplayEnds() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.pcap"), "not a capture at all\n");
    Inventory actual = replayed(text, 1000);

    InventorySource source = actual.sources().get(0);
    assertEquals("failed", source.status());
    assertTrue(source.error().contains("notes.pcap"), source.error());
    assertTrue(actual.assets().isEmpty());
  }
}
