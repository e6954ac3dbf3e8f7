package io.fieldprint.agent.service.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The agent's whole configuration, validated by {@link AgentConfigReader} (see {@code
 * docs/reference/agent-config.md}).
 *
 * @param agentId this agent's name, part of every report id
 * @param site the collector site the agent reports for
 * @param dataDirectory where the outbox database and the inventory snapshot live
 * @param collector where reports go; empty means offline mode (reports only kept locally)
 * @param capture live passive capture; empty means none
 * @param replay capture files replayed once at start through the passive decoders; empty means none
 * @param scan scheduled active scans; empty means none
 * @param reportInterval how often the inventory is snapshotted and queued as a report
 * @param outboxMaxBytes the most the unsent reports may take on disk
 * @param ops the local {@code /health} and {@code /metrics} listener
 * @param advisoryStore the local advisory store every snapshot is matched against; empty: none
 */
public record AgentConfig(
    String agentId,
    String site,
    Path dataDirectory,
    Optional<CollectorLink> collector,
    Optional<CaptureSettings> capture,
    Optional<ReplaySettings> replay,
    Optional<ScanSettings> scan,
    Duration reportInterval,
    long outboxMaxBytes,
    OpsListen ops,
    Optional<Path> advisoryStore) {

  public static final Duration DEFAULT_REPORT_INTERVAL = Duration.ofMinutes(5);
  public static final long DEFAULT_OUTBOX_MAX_BYTES = 256L * 1024 * 1024;

  /** The configuration as a log line: the token is never part of it. */
  @Override
  public String toString() {
    return "agentId="
        + agentId
        + " site="
        + site
        + " dataDirectory="
        + dataDirectory
        + " collector="
        + collector.map(Object::toString).orElse("none (offline)")
        + " capture="
        + capture.map(Object::toString).orElse("none")
        + " replay="
        + replay.map(Object::toString).orElse("none")
        + " scan="
        + scan.map(Object::toString).orElse("none")
        + " reportInterval="
        + DurationText.format(reportInterval)
        + " outboxMaxBytes="
        + outboxMaxBytes
        + " ops="
        + ops
        + " advisories="
        + advisoryStore.map(Object::toString).orElse("none");
  }
}
