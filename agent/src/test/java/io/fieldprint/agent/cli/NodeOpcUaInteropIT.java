package io.fieldprint.agent.cli;

import static io.fieldprint.agent.cli.PymodbusInteropIT.evidence;
import static io.fieldprint.agent.cli.PymodbusInteropIT.onlyAsset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldprint.protocols.testing.InventorySchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fieldprint scan} against node-opcua ({@code tests/interop/node-opcua/server.js}), an OPC
 * UA stack we did not write, in two configurations: anonymous access on and off. Also the evidence
 * that Milo's client works on the one converged Netty 4.2 against a foreign server.
 */
class NodeOpcUaInteropIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DIR = InteropPeer.ROOT.resolve("tests/interop/node-opcua");
  private static final Set<String> ALLOWED_SERVICES =
      Set.of(
          "OpenSecureChannel",
          "GetEndpoints",
          "FindServers",
          "CreateSession",
          "ActivateSession (ANONYMOUS)",
          "Read",
          "Browse",
          "CloseSession",
          "CloseSecureChannel");

  private static InteropPeer open;
  private static InteropPeer closed;

  @TempDir Path dir;

  @BeforeAll
  static void startNodeOpcUa(@TempDir Path pki) throws Exception {
    open = start(pki, "anonymous");
    closed = start(pki, "no-anonymous");
  }

  private static InteropPeer start(Path pki, String mode) throws Exception {
    return InteropPeer.start(
        List.of(
            "node",
            "server.js",
            String.valueOf(InteropPeer.freePort()),
            pki.resolve(mode).toString(),
            mode),
        DIR,
        pki.resolve(mode + ".stderr"),
        Duration.ofSeconds(60));
  }

  @AfterAll
  static void stopNodeOpcUa() {
    for (InteropPeer peer : new InteropPeer[] {open, closed}) {
      if (peer != null) {
        peer.close();
      }
    }
  }

  @Test
  void anonymousServerIsIdentifiedByBuildInfoAndDiNameplateWithItsPosture() throws Exception {
    Path audit = dir.resolve("audit.jsonl");
    JsonNode inventory = scan(open, audit);

    JsonNode buildInfo = evidence(inventory, "opcua.probe.build-info").get(0);
    assertEquals("Interop Test PLC", buildInfo.path("productName").asText());
    assertEquals("urn:fieldprint:interop:node-opcua:plc", buildInfo.path("productUri").asText());
    assertEquals("Interop Automation", buildInfo.path("manufacturerName").asText());
    assertEquals("4.2.1", buildInfo.path("softwareVersion").asText());
    assertEquals("4711", buildInfo.path("buildNumber").asText());
    assertTrue(
        buildInfo.path("buildDate").asText().startsWith("2024-01-02T03:04:05"), "" + buildInfo);
    assertEquals("Running", buildInfo.path("state").asText(), "" + buildInfo);

    List<JsonNode> devices = evidence(inventory, "opcua.probe.device-set");
    assertEquals(1, devices.size(), "DI's DeviceFeatures folder is no device: " + devices);
    assertEquals(
        JSON.valueToTree(
            Map.of(
                "browseName", "InteropPlc",
                "manufacturer", "Interop Automation",
                "model", "IA-PLC 300",
                "productCode", "IA-300-CPU",
                "serialNumber", "SN-000042",
                "hardwareRevision", "HW 3",
                "softwareRevision", "4.2.1",
                "deviceRevision", "R7")),
        devices.get(0));

    JsonNode asset = onlyAsset(inventory);
    assertEquals("Interop Automation", asset.path("vendor").asText());
    assertEquals("SN-000042", asset.path("serial").asText());
    assertEquals("4.2.1", asset.path("firmware").asText());
    assertEquals(
        Set.of(
            "None http://opcfoundation.org/UA/SecurityPolicy#None",
            "SignAndEncrypt http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256"),
        endpoints(inventory));
    assertEquals(
        Set.of(
            "opcua.anonymous-access", "opcua.certificate-self-signed", "opcua.security-mode-none"),
        rules(inventory));
    assertOnlyAllowedServices(audit, true);
  }

  @Test
  void serverWithoutAnonymousAccessIsAuditedWithoutASession() throws Exception {
    Path audit = dir.resolve("audit.jsonl");
    JsonNode inventory = scan(closed, audit);

    assertEquals(List.of(), evidence(inventory, "opcua.probe.build-info"));
    assertEquals(
        Set.of("opcua.certificate-self-signed", "opcua.security-mode-none"), rules(inventory));
    assertEquals(2, endpoints(inventory).size(), "" + inventory);
    assertOnlyAllowedServices(audit, false);
  }

  private JsonNode scan(InteropPeer peer, Path audit) throws Exception {
    String target = "opc.tcp://127.0.0.1:" + peer.port();
    CliRun run = CliRun.of("scan", target, "--format", "json", "--audit-log", audit.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of(), InventorySchema.violations(run.out()));
    JsonNode inventory = JSON.readTree(run.out());
    assertEquals("ok", inventory.path("sources").get(0).path("status").asText(), run.out());
    return inventory;
  }

  private static Set<String> endpoints(JsonNode inventory) {
    Set<String> found = new TreeSet<>();
    for (JsonNode e : evidence(inventory, "opcua.probe.get-endpoints")) {
      for (JsonNode endpoint : e.path("endpoints")) {
        found.add(
            endpoint.path("securityMode").asText()
                + " "
                + endpoint.path("securityPolicyUri").asText());
      }
    }
    return found;
  }

  private static Set<String> rules(JsonNode inventory) {
    Set<String> rules = new TreeSet<>();
    inventory.path("findings").forEach(f -> rules.add(f.path("rule").asText()));
    return rules;
  }

  private static void assertOnlyAllowedServices(Path audit, boolean session) throws Exception {
    List<String> services = new ArrayList<>();
    for (String line : Files.readAllLines(audit)) {
      JsonNode record = JSON.readTree(line);
      assertEquals("SENT", record.path("decision").asText(), line);
      services.add(record.path("request").asText());
    }
    assertTrue(services.size() <= 25, "the OPC UA budget is 25: " + services);
    assertTrue(ALLOWED_SERVICES.containsAll(services), "only read-only services: " + services);
    assertEquals(session, services.contains("CloseSession"), "" + services);
    assertEquals("CloseSecureChannel", services.get(services.size() - 1), "" + services);
  }
}
