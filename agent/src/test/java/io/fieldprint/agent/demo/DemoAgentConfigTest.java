package io.fieldprint.agent.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.agent.service.config.AgentConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo agent's configuration goes through the agent's own validating reader. */
class DemoAgentConfigTest {
  @TempDir Path dir;

  @Test
  void thePlantsEndpointsAreScanTargetsInsideLoopbackAndTheCaptureIsReplayed() throws Exception {
    Path capture = Files.writeString(dir.resolve("plant.pcapng"), "frames");
    AgentConfig config =
        DemoAgentConfig.write(
            dir.resolve("agent"),
            "demo-plant",
            List.of("opc.tcp://127.0.0.11:40001/", "modbus://127.0.0.21:40002"),
            capture,
            "http://127.0.0.1:40003",
            "fpa_demoTokenValue0123456789");

    assertEquals("demo-plant", config.site());
    assertEquals(2, config.scan().orElseThrow().targets().size());
    assertEquals(List.of(capture), config.replay().orElseThrow().files());
    assertEquals(Duration.ofSeconds(2), config.reportInterval());
    assertEquals(
        "fpa_demoTokenValue0123456789", config.collector().orElseThrow().token().orElseThrow());
    assertEquals(0, config.ops().port());
    assertTrue(Files.isRegularFile(dir.resolve("agent/agent.yaml")));
  }
}
