package io.fieldprint.agent.demo;

import io.fieldprint.agent.service.config.AgentConfig;
import io.fieldprint.agent.service.config.AgentConfigReader;
import io.fieldprint.agent.service.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo agent's configuration, written as the YAML a user would write and read through the
 * agent's own validating reader: the plant's endpoints as scan targets inside 127.0.0.0/8, the
 * example capture replayed, a report every two seconds to the demo collector.
 */
public final class DemoAgentConfig {
  public static final String AGENT_ID = "demo-agent";
  public static final String ALLOW = "127.0.0.0/8";

  private DemoAgentConfig() {}

  /**
   * Writes {@code agent.yaml} and {@code agent-token} into {@code dir} and returns the validated
   * configuration.
   */
  public static AgentConfig write(
      Path dir, String site, List<String> targets, Path capture, String collectorUrl, String token)
      throws IOException, ConfigException {
    Files.createDirectories(dir);
    Path tokenFile = dir.resolve("agent-token");
    Files.writeString(tokenFile, token + "\n", StandardCharsets.UTF_8);
    String yaml = yaml(site, targets, capture, collectorUrl);
    Path file = dir.resolve("agent.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return new AgentConfigReader().read(file);
  }

  static String yaml(String site, List<String> targets, Path capture, String collectorUrl) {
    return String.join(
        "\n",
        "agentId: " + AGENT_ID,
        "site: " + site,
        "dataDirectory: agent-data",
        "reportInterval: 2s",
        "ops: {host: 127.0.0.1, port: 0}",
        "collector:",
        "  url: " + collectorUrl,
        "  tokenFile: agent-token",
        "  retryBase: 200ms",
        "  retryMax: 2s",
        "replay:",
        "  files: ['" + capture.toAbsolutePath().toString().replace("'", "''") + "']",
        "scan:",
        "  allow: [" + ALLOW + "]",
        "  targets: [" + String.join(", ", targets.stream().map(t -> "'" + t + "'").toList()) + "]",
        "  interval: 1h",
        "");
  }
}
