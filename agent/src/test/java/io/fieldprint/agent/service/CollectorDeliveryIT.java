package io.fieldprint.agent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.agent.service.config.AgentConfig;
import io.fieldprint.agent.service.config.AgentConfigReader;
import io.fieldprint.agent.service.ops.HealthState;
import io.fieldprint.agent.service.outbox.Outbox;
import io.fieldprint.protocols.testing.ModbusDevice;
import io.fieldprint.protocols.testing.ModbusTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent delivering to a REAL collector process (the shaded collector jar on loopback): a scan
 * of a real Modbus server reaches the collector's asset list; while the collector is down reports
 * queue in the outbox, and once it is back every one is applied exactly once.
 */
class CollectorDeliveryIT {
  private static final String SITE = "plant-a";
  private static final String APPLIED = "fieldprint_reports_total{outcome=\"applied\"}";
  private static final String DUPLICATE = "fieldprint_reports_total{outcome=\"duplicate\"}";

  @TempDir Path dir;

  private AgentConfig agentConfig(String collectorUrl, String token, String extra)
      throws Exception {
    Files.writeString(dir.resolve("agent-token"), token);
    return new AgentConfigReader()
        .parse(
            String.join(
                "\n",
                "agentId: edge-1",
                "site: " + SITE,
                "dataDirectory: agent-data",
                "reportInterval: 1s",
                "ops: {port: 0}",
                "collector:",
                "  url: " + collectorUrl,
                "  tokenFile: agent-token",
                "  retryBase: 200ms",
                "  retryMax: 1s",
                extra),
            dir);
  }

  @Test
  void aScannedDeviceReachesTheCollectorsAssetList() throws Exception {
    try (ModbusTestServer plc = ModbusTestServer.start(ModbusDevice.acme());
        CollectorProcess collector =
            CollectorProcess.start(dir.resolve("collector"), CollectorProcess.freePort())) {
      String token = collector.registerAgent(SITE, "edge-1");
      AgentConfig config =
          agentConfig(
              collector.url(),
              token,
              "scan:\n  allow: [127.0.0.0/8]\n  targets: [" + plc.target("") + "]\n");
      long t0 = System.nanoTime();
      try (AgentService agent = AgentService.start(config, "0.1.0-test", InstantSource.system())) {
        Await.until(
            () -> collectorHas(collector, "/api/v1/sites/" + SITE + "/assets", "6ES7-ACME-5000"),
            Duration.ofSeconds(60));
        System.out.printf(
            "time to first delivered report with the device: %d ms%n",
            (System.nanoTime() - t0) / 1_000_000);
        String assets = collector.get("/api/v1/sites/" + SITE + "/assets");
        assertTrue(assets.contains("ACME Automation"), assets);
        assertTrue(collector.get("/api/v1/sites/" + SITE + "/agents").contains("0.1.0-test"));
        assertEquals("online", agent.health().mode());
      }
      assertEquals(0, collector.metric(DUPLICATE));
    }
  }

  @Test
  void reportsQueuedWhileTheCollectorIsDownAreAllDeliveredOnceWhenItIsBack() throws Exception {
    int port = CollectorProcess.freePort();
    Path collectorData = dir.resolve("collector");
    String token;
    try (CollectorProcess collector = CollectorProcess.start(collectorData, port)) {
      token = collector.registerAgent(SITE, "edge-1");
    }
    AgentConfig config = agentConfig("http://127.0.0.1:" + port, token, "");
    HealthState end;
    try (AgentService agent = AgentService.start(config, "0.1.0-test", InstantSource.system())) {
      Await.until(() -> agent.health().outboxReports() >= 3, Duration.ofSeconds(30));
      assertEquals(0, agent.health().reportsDelivered());

      try (CollectorProcess collector = CollectorProcess.start(collectorData, port)) {
        Await.until(
            () -> agent.health().outboxReports() == 0 && agent.health().reportsDelivered() >= 3,
            Duration.ofSeconds(60));
        agent.close();
        end = agent.health();
        assertEquals(end.reportsQueued(), end.reportsDelivered(), "every queued report delivered");
        assertEquals((double) end.reportsQueued(), collector.metric(APPLIED), "each applied once");
        assertEquals(0, collector.metric(DUPLICATE));
      }
    }
    try (Outbox outbox = Outbox.open(config.dataDirectory(), config.outboxMaxBytes())) {
      assertEquals(0, outbox.count(), "nothing left behind");
    }
  }

  private static boolean collectorHas(CollectorProcess c, String path, String text) {
    try {
      return c.get(path).contains(text);
    } catch (Exception e) {
      return false;
    }
  }
}
