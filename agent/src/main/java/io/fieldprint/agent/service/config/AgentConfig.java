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
 * @param maxDevices the most device references the live inventory tracks; further devices are
 *     counted and dropped, so the inventory stays within the agent's heap
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
    int maxDevices,
    OpsListen ops,
    Optional<Path> advisoryStore) {

  public static final Duration DEFAULT_REPORT_INTERVAL = Duration.ofMinutes(5);
  public static final long DEFAULT_OUTBOX_MAX_BYTES = 256L * 1024 * 1024;

  /**
   * What the launcher's 64 MiB heap holds beside the rest: bench/agent's 4,305 device references
   * (3,957 assets) left a live set of 28-32 MB after full collections, in an old generation of 42
   * MiB; raise {@code -Xmx} by about 4 MiB per 1,000 more devices.
   */
  public static final int DEFAULT_MAX_DEVICES = 5_000;

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
        + " maxDevices="
        + maxDevices
        + " ops="
        + ops
        + " advisories="
        + advisoryStore.map(Object::toString).orElse("none");
  }
}
