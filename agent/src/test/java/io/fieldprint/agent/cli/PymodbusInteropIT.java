package io.fieldprint.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldprint.protocols.testing.InventorySchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fieldprint scan} against Debian's pymodbus 3.0 server ({@code
 * tests/interop/pymodbus/server.py}), a Modbus stack we did not write.
 */
class PymodbusInteropIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCRIPT = InteropPeer.ROOT.resolve("tests/interop/pymodbus/server.py");

  private static InteropPeer peer;

  @TempDir Path dir;

  @BeforeAll
  static void startPymodbus(@TempDir Path logs) throws Exception {
    peer =
        InteropPeer.start(
            List.of("/usr/bin/python3", SCRIPT.toString()),
            SCRIPT.getParent(),
            logs.resolve("pymodbus.stderr"),
            Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopPymodbus() {
    if (peer != null) {
      peer.close();
    }
  }

  @Test
  void scanReadsPymodbusDeviceIdentityExactlyWithOnlyReadRequestsWithinBudget() throws Exception {
    Path audit = dir.resolve("audit.jsonl");
    String target = "modbus://127.0.0.1:" + peer.port();
    CliRun run = CliRun.of("scan", target, "--format", "json", "--audit-log", audit.toString());

    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of(), InventorySchema.violations(run.out()));
    JsonNode inventory = JSON.readTree(run.out());
    // basic objects (0x00-0x02) from the code 1 stream, regular ones (0x03-0x06) from code 2
    Map<String, String> regular = new LinkedHashMap<>();
    List<JsonNode> streams = evidence(inventory, "modbus.read-device-identification");
    // pymodbus always claims conformity 0x83, so an (empty) extended stream follows
    assertEquals(
        List.of(1, 2, 3),
        streams.stream().map(e -> e.path("readDeviceIdCode").asInt()).sorted().toList(),
        run.out());
    streams.stream()
        .filter(e -> e.path("readDeviceIdCode").asInt() < 3)
        .forEach(
            e ->
                e.path("objects")
                    .fields()
                    .forEachRemaining(f -> regular.put(f.getKey(), f.getValue().asText())));
    assertEquals(
        Map.of(
            "vendorName", "Interop Automation",
            "productCode", "IA-MB-200",
            "majorMinorRevision", "2.7.1",
            "vendorUrl", "https://interop.example",
            "productName", "IA Modbus Gateway",
            "modelName", "MB-200",
            "userApplicationName", "line 4 pumps"),
        regular);
    JsonNode serverId = evidence(inventory, "modbus.report-server-id").get(0);
    assertEquals("IA-MB-200 fw 2.7.1", serverId.path("strings").get(0).asText());
    assertEquals("ON", serverId.path("runIndicator").asText());

    JsonNode asset = onlyAsset(inventory);
    assertEquals("Interop Automation", asset.path("vendor").asText());
    assertEquals("IA Modbus Gateway", asset.path("product").asText());
    assertEquals("IA-MB-200", asset.path("model").asText());
    assertEquals("2.7.1", asset.path("firmware").asText());

    List<String> lines = Files.readAllLines(audit);
    assertTrue(lines.size() >= 2 && lines.size() <= 6, "the Modbus budget is 6: " + lines);
    for (String line : lines) {
      JsonNode record = JSON.readTree(line);
      assertEquals("SENT", record.path("decision").asText(), line);
      String[] bytes = record.path("request").asText().split(" ");
      String function = bytes[7];
      assertTrue(
          function.equals("11") || (function.equals("2B") && bytes[8].equals("0E")),
          "only FC 43/14 and FC 17 leave the scanner: " + line);
    }
  }

  /** The asset of the one scanned device (every request's evidence merges into it). */
  static JsonNode onlyAsset(JsonNode inventory) {
    JsonNode assets = inventory.path("assets");
    assertEquals(1, assets.size(), "one device, one asset: " + assets);
    return assets.get(0);
  }

  /** The evidence fields of every asset's evidence from {@code source}. */
  static List<JsonNode> evidence(JsonNode inventory, String source) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode asset : inventory.path("assets")) {
      for (JsonNode e : asset.path("evidence")) {
        if (source.equals(e.path("source").asText())) {
          found.add(e.path("fields"));
        }
      }
    }
    return found;
  }
}
