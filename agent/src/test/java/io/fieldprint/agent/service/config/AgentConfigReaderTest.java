package io.fieldprint.agent.service.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigReaderTest {
  @TempDir Path dir;

  private AgentConfig parse(String yaml) throws ConfigException {
    return new AgentConfigReader().parse(yaml, dir);
  }

  private List<String> problems(String yaml) {
    return assertThrows(ConfigException.class, () -> parse(yaml)).problems();
  }

  @Test
  void aMinimalConfigurationIsOfflineWithTheDocumentedDefaults() throws Exception {
    AgentConfig c = parse("agentId: edge-1\nsite: plant-a\ndataDirectory: data\n");

    assertEquals(dir.resolve("data"), c.dataDirectory());
    assertTrue(c.collector().isEmpty());
    assertTrue(c.capture().isEmpty());
    assertTrue(c.scan().isEmpty());
    assertEquals(Duration.ofMinutes(5), c.reportInterval());
    assertEquals(256L * 1024 * 1024, c.outboxMaxBytes());
    assertEquals(5_000, c.maxDevices());
    assertEquals(new OpsListen("127.0.0.1", 9465), c.ops());
  }

  @Test
  void everyProblemIsListedAtOnceNamingItsSetting() {
    List<String> p =
        problems(
            String.join(
                "\n",
                "agentId: 'has space'",
                "dataDirectory: data",
                "reportInterval: soon",
                "outboxMaxBytes: 12",
                "maxDevices: 0",
                "colour: blue",
                "capture: {snaplen: 10}",
                "collector: {url: 'ftp://x', tokenFile: missing-token}",
                "ops: {port: 70000}"));

    String all = String.join("\n", p);
    for (String setting :
        List.of(
            "agentId: must be",
            "site: is required",
            "reportInterval: must be a number",
            "outboxMaxBytes: must be between",
            "maxDevices: must be between",
            "colour: unknown key",
            "capture.interfaces: is required",
            "capture.snaplen: must be between",
            "collector.url: must be http(s)",
            "collector.tokenFile: no readable token file",
            "ops.port: must be between")) {
      assertTrue(all.contains(setting), setting + " missing from:\n" + all);
    }
    assertEquals(11, p.size(), all);
  }

  @Test
  void aScanTargetOutsideTheAllowedNetworksIsRefused() {
    List<String> p =
        problems(
            String.join(
                "\n",
                "agentId: edge-1",
                "site: plant-a",
                "dataDirectory: data",
                "scan:",
                "  allow: [10.1.2.0/24]",
                "  targets: [modbus://10.1.2.5:502, modbus://10.9.9.9:502, modbus://plc.local:502]",
                "  networks: [10.1.3.0/30]",
                "  protocols: [modbus]"));

    String all = String.join("\n", p);
    assertTrue(all.contains("modbus://10.9.9.9:502: outside the allowed networks"), all);
    assertTrue(all.contains("modbus://10.1.3.1:502: outside the allowed networks"), all);
    assertTrue(all.contains("plc.local:502: the host must be an IPv4 address"), all);
    assertFalse(all.contains("10.1.2.5"), all);
  }

  @Test
  void scanLimitsAreTheScanCommandsAndAreValidatedToo() throws Exception {
    List<String> p =
        problems(
            "agentId: e\nsite: s\ndataDirectory: d\nscan:\n  allow: [127.0.0.0/8]\n"
                + "  targets: [modbus://127.0.0.1:502]\n  limits: {rate: 500, unitIds: [1, 1]}\n");
    String all = String.join("\n", p);
    assertTrue(all.contains("scan.limits.rate: must be between 1 and 100"), all);
    assertTrue(all.contains("unitIds"), all);

    AgentConfig ok =
        parse(
            "agentId: e\nsite: s\ndataDirectory: d\nscan:\n  allow: [127.0.0.0/8]\n"
                + "  targets: [modbus://127.0.0.1:502]\n  interval: 15m\n  limits: {rate: 5}\n");
    assertEquals(Duration.ofMinutes(15), ok.scan().orElseThrow().interval());
    assertEquals(5, ok.scan().orElseThrow().limits().maxRequestsPerSecond());
    assertEquals(Duration.ofMillis(250), ok.scan().orElseThrow().limits().minGap());
  }

  @Test
  void replayFilesResolveAgainstTheConfigurationAndMissingOnesOrABadRateAreRefused()
      throws Exception {
    Files.writeString(dir.resolve("plant.pcapng"), "frames");
    AgentConfig ok =
        parse("agentId: e\nsite: s\ndataDirectory: d\nreplay: {files: [plant.pcapng]}\n");
    assertEquals(List.of(dir.resolve("plant.pcapng")), ok.replay().get().files());
    assertEquals(1000, ok.replay().get().rate());

    String all =
        String.join(
            "\n",
            problems(
                "agentId: e\nsite: s\ndataDirectory: d\n"
                    + "replay: {files: [gone.pcap], rate: 0, loop: true}\n"));
    assertTrue(
        all.contains("replay.files: no readable capture file at " + dir.resolve("gone.pcap")), all);
    assertTrue(all.contains("replay.rate: must be between 1 and 1000000 (was 0)"), all);
    assertTrue(all.contains("replay.loop: unknown key"), all);
    assertTrue(
        problems("agentId: e\nsite: s\ndataDirectory: d\nreplay: {rate: 5}\n")
            .contains("replay.files: is required: at least one pcap or pcapng file"));
  }

  @Test
  void theTokenIsReadFromItsFileAndNeverShownInTheLoggedConfiguration() throws Exception {
    String token = "fpa_s3cretTokenValue0123456789";
    Files.writeString(dir.resolve("agent-token"), token + "\n");
    AgentConfig c =
        parse(
            "agentId: e\nsite: s\ndataDirectory: d\n"
                + "collector: {url: 'https://collector.example:8443/', tokenFile: agent-token}\n");

    assertEquals(Optional.of(token), c.collector().orElseThrow().token());
    assertEquals("https://collector.example:8443", c.collector().orElseThrow().url().toString());
    assertFalse(c.toString().contains("s3cret"), c.toString());
    assertTrue(c.toString().contains("fpa_***"), c.toString());
  }

  @Test
  void aClientCertificateReplacesTheTokenAndNeedsItsKeyAndHttps() throws Exception {
    Files.writeString(dir.resolve("edge.pem"), "PEM");
    Files.writeString(dir.resolve("edge.key"), "PEM");
    AgentConfig c =
        parse(
            "agentId: e\nsite: s\ndataDirectory: d\ncollector: {url: 'https://c:8443',"
                + " clientCertificate: edge.pem, clientKey: edge.key}\n");
    CollectorLink link = c.collector().orElseThrow();
    assertEquals(Optional.empty(), link.token());
    assertEquals(
        Optional.of(
            new CollectorLink.ClientCertificate(dir.resolve("edge.pem"), dir.resolve("edge.key"))),
        link.clientCertificate());
    assertTrue(link.toString().contains("no token"), link.toString());

    List<String> p =
        problems(
            "agentId: e\nsite: s\ndataDirectory: d\ncollector: {url: 'http://c:8443',"
                + " clientKey: edge.key}\n");
    assertTrue(p.contains("collector.clientCertificate: is required with clientKey"), p.toString());
    assertTrue(String.join("\n", p).contains("collector.tokenFile: is required"), p.toString());
    List<String> plain =
        problems(
            "agentId: e\nsite: s\ndataDirectory: d\ncollector: {url: 'http://c:8443',"
                + " clientCertificate: edge.pem, clientKey: edge.key}\n");
    assertEquals(List.of("collector.clientCertificate: only applies to an https url"), plain);
  }

  @Test
  void aFileThatIsNoYamlMappingIsOneClearProblem() {
    assertEquals(List.of("the configuration must be a YAML mapping"), problems("- a\n- b\n"));
    assertTrue(problems("a: [").get(0).startsWith("not valid YAML at line"));
  }

  @Test
  void onlySeenIsOffByDefaultAndNeedsNetworksAndALiveCapture() throws Exception {
    String scan = "scan: {allow: [10.0.0.0/24], networks: [10.0.0.0/30], protocols: [modbus]";
    AgentConfig plain = parse("agentId: a\nsite: s\ndataDirectory: d\n" + scan + "}\n");
    assertFalse(plain.scan().orElseThrow().onlySeen());

    List<String> p =
        problems(
            "agentId: a\nsite: s\ndataDirectory: d\n"
                + "scan: {allow: [10.0.0.0/24], targets: [modbus://10.0.0.5:502], onlySeen: true}\n");
    assertEquals(
        List.of(
            "scan.onlySeen: only applies to networks (explicit targets are always probed)",
            "scan.onlySeen: needs a capture section (nothing would ever be seen)"),
        p);

    AgentConfig seen =
        parse(
            "agentId: a\nsite: s\ndataDirectory: d\ncapture: {interfaces: [eth1]}\n"
                + scan
                + ", onlySeen: true}\n");
    assertTrue(seen.scan().orElseThrow().onlySeen());
  }
}
