package io.fieldprint.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.inventory.Asset;
import io.fieldprint.protocols.inventory.Inventory;
import io.fieldprint.protocols.inventory.InventoryJson;
import io.fieldprint.protocols.testing.InventorySchema;
import io.fieldprint.protocols.testing.SharedData;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged {@code fieldprint.jar} as a user would, in its own JVM. */
class PackagedCommandLineIT {
  private static final Path ROOT =
      Path.of(System.getProperty("fieldprint.root", "..")).toAbsolutePath();
  private static final Path JAR = ROOT.resolve("agent/target/fieldprint.jar");

  @TempDir Path tmp;

  private record Result(int exit, String out, String err) {}

  private Result run(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dfieldprint.home=" + ROOT);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(args);
    Path out = tmp.resolve("stdout");
    Path err = tmp.resolve("stderr");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "fieldprint did not finish in 5 minutes");
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void everySharedCaptureTogetherGivesOneValidInventory() throws Exception {
    List<String> args = new ArrayList<>(List.of("pcap", "--format", "json"));
    try (Stream<Path> files = Files.walk(SharedData.root().resolve("pcaps"))) {
      files
          .filter(f -> f.toString().endsWith(".pcap") || f.toString().endsWith(".pcapng"))
          .sorted()
          .forEach(f -> args.add(f.toString()));
    }

    Result r = run(args);

    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(), InventorySchema.violations(r.out()));
  }

  @Test
  void theDemoRunsOnTheBundledExample() throws Exception {
    Result r = run(List.of("demo"));

    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("ASSETS ("), r.out());
  }

  @Test
  void theDemoFindsTheExamplePlantsDevicesFirmwareAndFindings() throws Exception {
    Result r = run(List.of("demo", "--format", "json"));

    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(), InventorySchema.violations(r.out()));
    Inventory inv = InventoryJson.read(r.out());
    Map<String, Asset> byIp = new HashMap<>();
    inv.assets().forEach(a -> a.ip().forEach(ip -> byIp.put(ip, a)));
    Asset s7 = byIp.get("192.168.10.10");
    assertEquals(
        List.of("Siemens", "6ES7 315-2EH14-0AB0", "V3.2.6", "S C-X4U421302009", "plc"),
        List.of(s7.vendor(), s7.model(), s7.firmware(), s7.serial(), s7.role().jsonName()));
    Asset m340 = byIp.get("192.168.10.20");
    assertEquals(
        List.of("Schneider Electric", "BMX NOE 0100", "V3.10"),
        List.of(m340.vendor(), m340.model(), m340.firmware()));
    Asset logix = byIp.get("192.168.10.30");
    assertEquals(List.of("20.11", "0x00c0ffee"), List.of(logix.firmware(), logix.serial()));
    Asset scalance = byIp.get("192.168.10.2");
    assertEquals(
        List.of("SCALANCE X208", "V04.02.01", "switch"),
        List.of(scalance.product(), scalance.firmware(), scalance.role().jsonName()));
    assertEquals("et200sp-line1", byIp.get("192.168.10.40").name());
    assertEquals(
        List.of(
            "cleartext.telnet",
            "opcua.anonymous-access",
            "opcua.certificate-expired",
            "opcua.certificate-self-signed",
            "opcua.certificate-sha1-signature",
            "opcua.certificate-weak-key",
            "opcua.deprecated-security-policy",
            "opcua.security-mode-none",
            "opcua.username-over-unencrypted",
            "snmp.cleartext-community",
            "snmp.default-community"),
        inv.findings().stream()
            .filter(f -> f.assetId().startsWith("mac:"))
            .map(f -> f.rule())
            .sorted()
            .toList());
    assertEquals(
        List.of("DEMO-2026-0001", "DEMO-2026-0003", "DEMO-2026-0004"),
        inv.matches().stream()
            .map(m -> (String) ((Map<?, ?>) m).get("advisoryId"))
            .filter(id -> id.startsWith("DEMO-"))
            .sorted()
            .toList());
  }

  @Test
  void sigtermStopsADemoThatStaysUpAndFreesThePlantsPorts() throws Exception {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Dfieldprint.home=" + ROOT,
            "-jar",
            JAR.toString(),
            "demo",
            "--duration",
            "600");
    Path err = tmp.resolve("stderr");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(tmp.resolve("stdout").toFile())
            .redirectError(err.toFile())
            .start();
    String line = awaitLine(p, err, "stays up 600 s");
    List<URI> targets =
        Stream.of(line.substring(line.indexOf("): ") + 3).split(" ")).map(URI::create).toList();
    assertEquals(5, targets.size(), line);

    p.destroy();

    assertTrue(p.waitFor(1, TimeUnit.MINUTES), "the demo did not stop on SIGTERM");
    for (URI target : targets) {
      assertThrows(
          ConnectException.class,
          () -> new Socket(target.getHost(), target.getPort()).close(),
          target.toString());
    }
  }

  /** Waits (up to 2 minutes) for a line of the process's standard error containing {@code text}. */
  private static String awaitLine(Process p, Path err, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline && p.isAlive()) {
      for (String line : Files.readAllLines(err, StandardCharsets.UTF_8)) {
        if (line.contains(text)) {
          return line;
        }
      }
      Thread.sleep(200);
    }
    p.destroyForcibly();
    throw new AssertionError("no '" + text + "' on stderr: " + Files.readString(err));
  }
}
