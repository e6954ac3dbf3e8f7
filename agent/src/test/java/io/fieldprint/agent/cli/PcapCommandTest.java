package io.fieldprint.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.testing.InventorySchema;
import io.fieldprint.protocols.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapCommandTest {
  @TempDir Path tmp;

  @Test
  void aCaptureThatCannotBeReadIsOneLineOnStderrTheOthersAreStillReadAndTheExitIsOne()
      throws Exception {
    // a pcap magic number and nothing else: a capture whose header is cut off
    Path cut =
        Files.write(
            tmp.resolve("cut.pcap"),
            new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0});
    String modbus = SharedData.pcap("icsnpp-modbus/modbus_example.pcap").toString();

    CliRun run = CliRun.of("pcap", "--format", "json", cut.toString(), modbus);

    assertEquals(1, run.exit(), run.err());
    List<String> errorLines = run.err().lines().filter(l -> l.contains("cut.pcap")).toList();
    assertEquals(1, errorLines.size(), run.err());
    assertEquals(List.of(), InventorySchema.violations(run.out()));
    assertTrue(run.out().contains("\"status\" : \"failed\""), run.out());
    assertTrue(run.out().contains("Zeek Modbus Test"), "the readable capture was still processed");
  }

  @Test
  void aFileThatIsNoCaptureIsSkippedWithOneLineAndDoesNotFailTheRun() throws Exception {
    Path notes = Files.writeString(tmp.resolve("notes.txt"), "this is not a capture\n");
    String modbus = SharedData.pcap("icsnpp-modbus/modbus_example.pcap").toString();

    CliRun run = CliRun.of("pcap", "--format", "json", notes.toString(), modbus);

    assertEquals(0, run.exit(), run.err());
    assertEquals(
        List.of(
            "fieldprint: skipped "
                + notes
                + ": not a pcap or pcapng capture (starts with 0x74686973)"),
        run.err().lines().toList());
    assertTrue(run.out().contains("\"status\" : \"skipped\""), run.out());
  }

  @Test
  void onlyNonCapturesIsAFailure() throws Exception {
    Path notes = Files.writeString(tmp.resolve("notes.txt"), "this is not a capture\n");
    CliRun run = CliRun.of("pcap", notes.toString());
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().contains("no capture file could be read"), run.err());
  }

  @Test
  void aFolderIsSearchedForCaptures() {
    Path folder = SharedData.pcap("icsnpp-modbus/modbus_example.pcap").getParent();

    CliRun run = CliRun.of("pcap", "--format", "json", folder.toString());

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("modbus_example.pcap"), run.out());
    assertTrue(run.err().contains("skipped") && run.err().contains("LICENSE.txt"), run.err());
  }

  @Test
  void jsonOutputGoesToTheFileNamedByOut() throws Exception {
    Path out = tmp.resolve("inventory.json");
    String modbus = SharedData.pcap("icsnpp-modbus/modbus_example.pcap").toString();

    CliRun run = CliRun.of("pcap", "--format", "json", "--out", out.toString(), modbus);

    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.out());
    assertEquals(List.of(), InventorySchema.violations(Files.readString(out)));
  }

  @Test
  void theTableShowsAssetsFindingsAndSources() {
    String modbus = SharedData.pcap("icsnpp-modbus/modbus_example.pcap").toString();

    CliRun run = CliRun.of("pcap", modbus);

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("ASSETS ("), run.out());
    assertTrue(run.out().contains("FINDINGS ("), run.out());
    assertTrue(run.out().contains("modbus_example.pcap: ok"), run.out());
  }

  @Test
  void aMissingFileIsReportedByName() {
    CliRun run = CliRun.of("pcap", tmp.resolve("absent.pcap").toString());
    assertEquals(1, run.exit());
    assertTrue(run.err().contains("absent.pcap"), run.err());
  }
}
