package io.fieldprint.agent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.agent.service.config.AgentConfig;
import io.fieldprint.agent.service.config.AgentConfigReader;
import io.fieldprint.agent.service.outbox.Outbox;
import io.fieldprint.protocols.testing.InventorySchema;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentServiceTest {
  @TempDir Path dir;

  private AgentConfig config(int opsPort) throws Exception {
    return new AgentConfigReader()
        .parse(
            "agentId: edge-o\nsite: lab\ndataDirectory: data\nreportInterval: 1s\nops: {port: "
                + opsPort
                + "}\n",
            dir);
  }

  @Test
  void offlineTheAgentKeepsItsReportsAndTheSnapshotLocallyAndStopsWithALastOne() throws Exception {
    AgentConfig config = config(0);
    long queued;
    try (AgentService agent = AgentService.start(config, "test", InstantSource.system())) {
      String json =
          AgentFiles.awaitSnapshot(
              config.dataDirectory(),
              s -> s.contains("fieldprint.inventory/1"),
              Duration.ofSeconds(20));
      assertEquals(List.of(), InventorySchema.violations(json));
      String health = LiveCaptureOnLoopbackTest.get(agent.opsPort(), "/health");
      assertTrue(health.startsWith("{\"status\":\"ok\",\"mode\":\"offline\""), health);
      agent.close();
      queued = agent.health().reportsQueued();
      assertEquals(0, agent.health().reportsDelivered());
    }
    try (Outbox outbox = Outbox.open(config.dataDirectory(), config.outboxMaxBytes())) {
      assertEquals(queued, outbox.count());
      assertTrue(
          new String(outbox.oldest().orElseThrow().body().json()).contains("\"site\":\"lab\""));
    }
    assertTrue(Files.exists(config.dataDirectory().resolve("inventory.json")));
  }

  @Test
  void withAnHourlyReportIntervalTheFirstReportStillComesWithinSecondsOfTheStart()
      throws Exception {
    AgentConfig config =
        new AgentConfigReader()
            .parse(
                "agentId: edge-o\nsite: lab\ndataDirectory: data\nreportInterval: 1h\n"
                    + "ops: {port: 0}\n",
                dir);
    try (AgentService agent = AgentService.start(config, "test", InstantSource.system())) {
      // the old schedule took min(30 s, interval); the first report is due 2 s after the JVM
      // started
      // (at least 1 s after the service did)
      AgentFiles.awaitSnapshot(
          config.dataDirectory(),
          s -> s.contains("fieldprint.inventory/1"),
          Duration.ofSeconds(20));
    }
  }

  @Test
  void aScanPassThatTakesLongDoesNotHoldBackTheFirstReport() throws Exception {
    // a "device" that accepts connections and never answers: the pass waits out its 30 s timeout
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      AgentConfig config =
          new AgentConfigReader()
              .parse(
                  "agentId: edge-o\nsite: lab\ndataDirectory: data\nreportInterval: 1h\n"
                      + "ops: {port: 0}\nscan: {allow: [127.0.0.0/24], targets: [modbus://127.0.0.1:"
                      + silent.getLocalPort()
                      + "/1], limits: {timeout: 30s}}\n",
                  dir);
      try (AgentService agent = AgentService.start(config, "test", InstantSource.system())) {
        AgentFiles.awaitSnapshot(
            config.dataDirectory(),
            s -> s.contains("fieldprint.inventory/1"),
            Duration.ofSeconds(20));
        assertEquals(0, agent.health().reportsDelivered());
      }
    }
  }

  @Test
  void anOpsPortInUseFailsTheStartWithTheReason() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      AgentConfig config = config(taken.getLocalPort());
      IOException e =
          assertThrows(
              IOException.class, () -> AgentService.start(config, "test", InstantSource.system()));
      assertTrue(
          e.getMessage().startsWith("ops listener 127.0.0.1:" + taken.getLocalPort() + ": "),
          e.getMessage());
      assertTrue(e.getMessage().contains("in use"), e.getMessage());
    }
  }

  @Test
  void aReplayedCaptureReachesTheSnapshotAsAPcapSourceWithItsDevices() throws Exception {
    Path example =
        Path.of(System.getProperty("fieldprint.root", ".."), "examples/plant-example.pcapng")
            .toAbsolutePath()
            .normalize();
    AgentConfig config =
        new AgentConfigReader()
            .parse(
                "agentId: edge-r\nsite: lab\ndataDirectory: data\nreportInterval: 1s\n"
                    + "ops: {port: 0}\nreplay: {files: ['"
                    + example
                    + "']}\n",
                dir);
    try (AgentService agent = AgentService.start(config, "test", InstantSource.system())) {
      String json =
          AgentFiles.awaitSnapshot(
              config.dataDirectory(),
              s -> s.contains("6ES7 315-2EH14-0AB0"),
              Duration.ofSeconds(20));
      assertEquals(List.of(), InventorySchema.violations(json));
      assertTrue(json.matches("(?s).*\"kind\"\\s*:\\s*\"pcap\".*"), json);
      assertTrue(json.contains(example + "#frame="), "evidence names the replayed file");
    }
  }
}
