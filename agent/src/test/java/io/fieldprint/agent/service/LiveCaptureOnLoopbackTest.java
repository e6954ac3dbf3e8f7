package io.fieldprint.agent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.agent.service.capture.CaptureUnavailableException;
import io.fieldprint.agent.service.config.AgentConfig;
import io.fieldprint.agent.service.config.AgentConfigReader;
import io.fieldprint.protocols.testing.InventorySchema;
import io.fieldprint.protocols.testing.ModbusDevice;
import io.fieldprint.protocols.testing.ModbusTestServer;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live capture on the loopback interface: real traffic (a Modbus FC 43/14 exchange with a plain
 * socket) to a real server, captured by libpcap, identified passively. Needs root (CI runs as root)
 * and libpcap (scripts/setup installs it).
 */
class LiveCaptureOnLoopbackTest {
  @TempDir Path dir;

  @BeforeAll
  static void needsRoot() {
    Assumptions.assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "live capture needs root (CAP_NET_RAW); skipped for " + System.getProperty("user.name"));
  }

  private AgentConfig config(String capture) throws Exception {
    return new AgentConfigReader()
        .parse(
            "agentId: edge-lo\nsite: lab\ndataDirectory: data\nreportInterval: 1s\n"
                + "ops: {port: 0}\n"
                + capture,
            dir);
  }

  @Test
  void aModbusDeviceTalkingOnLoopbackAppearsInTheInventoryWithItsIdentity() throws Exception {
    try (ModbusTestServer server = ModbusTestServer.start(ModbusDevice.acme())) {
      AgentConfig config =
          config("capture: {interfaces: [lo], filter: 'tcp port " + server.port() + "'}\n");
      try (AgentService agent = AgentService.start(config, "test", InstantSource.system())) {
        readDeviceIdentification(server.port());

        String json =
            AgentFiles.awaitSnapshot(
                config.dataDirectory(), s -> s.contains("6ES7-ACME-5000"), Duration.ofSeconds(20));
        com.fasterxml.jackson.databind.JsonNode doc =
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertEquals("ACME Automation", doc.path("assets").path(0).path("vendor").asText(), json);
        assertEquals("live", doc.path("sources").path(0).path("kind").asText(), json);
        assertEquals(List.of(), InventorySchema.violations(json));

        String metrics = get(agent.opsPort(), "/metrics");
        assertTrue(
            metrics.contains("fieldprint_agent_capture_dropped_total{interface=\"lo\"}"), metrics);
        assertTrue(metrics.contains("fieldprint_agent_outbox_reports"), metrics);
        assertTrue(get(agent.opsPort(), "/health").contains("\"mode\":\"offline\""));
      }
    }
  }

  @Test
  void anUnknownInterfaceIsOneClearError() throws Exception {
    AgentConfig config = config("capture: {interfaces: [no-such-if0]}\n");
    CaptureUnavailableException e =
        assertThrows(
            CaptureUnavailableException.class,
            () -> AgentService.start(config, "test", InstantSource.system()));
    assertTrue(e.getMessage().startsWith("cannot capture on no-such-if0"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void aBadCaptureFilterIsOneClearError() throws Exception {
    AgentConfig config = config("capture: {interfaces: [lo], filter: 'tcp port nonsense'}\n");
    CaptureUnavailableException e =
        assertThrows(
            CaptureUnavailableException.class,
            () -> AgentService.start(config, "test", InstantSource.system()));
    assertTrue(e.getMessage().startsWith("capture filter 'tcp port nonsense' rejected"));
  }

  /** FC 43/14 read device id, basic then regular objects, like any engineering tool would. */
  private static void readDeviceIdentification(int port) throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      DataInputStream in = new DataInputStream(s.getInputStream());
      int tid = 1;
      for (int code = 1; code <= 2; code++) {
        out.write(
            new byte[] {0, (byte) tid++, 0, 0, 0, 5, (byte) 0xFF, 0x2B, 0x0E, (byte) code, 0});
        out.flush();
        byte[] header = new byte[6];
        in.readFully(header);
        int length = ((header[4] & 0xFF) << 8) | (header[5] & 0xFF);
        in.readFully(new byte[length]);
      }
    }
  }

  static String get(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
