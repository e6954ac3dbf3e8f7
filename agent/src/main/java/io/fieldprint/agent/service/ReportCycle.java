package io.fieldprint.agent.service;

import io.fieldprint.agent.service.advisories.LocalAdvisories;
import io.fieldprint.agent.service.config.AgentConfig;
import io.fieldprint.agent.service.inventory.LiveInventory;
import io.fieldprint.agent.service.ops.AgentMetrics;
import io.fieldprint.agent.service.outbox.Outbox;
import io.fieldprint.agent.service.outbox.StoredBody;
import io.fieldprint.protocols.inventory.Inventory;
import io.fieldprint.protocols.inventory.InventoryJson;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One report: snapshot the live inventory, write it to {@code DATA/inventory.json} (replaced
 * atomically; with a local advisory store, with the snapshot's {@code matches[]}) and queue it in
 * the outbox under a fresh report id (without local matches: the collector matches on its own).
 * Blocking: runs on a worker.
 */
final class ReportCycle {
  private static final Logger LOG = LoggerFactory.getLogger(ReportCycle.class);

  private final AgentConfig config;
  private final String version;
  private final LiveInventory inventory;
  private final Outbox outbox;
  private final AgentMetrics metrics;
  private final InstantSource clock;
  private final Optional<LocalAdvisories> advisories;
  private volatile int lastAssets;
  private int lastBodyBytes;
  private final java.util.concurrent.atomic.AtomicLong queued =
      new java.util.concurrent.atomic.AtomicLong();

  ReportCycle(
      AgentConfig config,
      String version,
      LiveInventory inventory,
      Outbox outbox,
      AgentMetrics metrics,
      Optional<LocalAdvisories> advisories,
      InstantSource clock) {
    this.config = config;
    this.version = version;
    this.inventory = inventory;
    this.outbox = outbox;
    this.metrics = metrics;
    this.clock = clock;
    this.advisories = advisories;
  }

  /** Takes one snapshot and queues it; returns the report id. */
  synchronized String run() throws IOException {
    Inventory snapshot = inventory.snapshot();
    InventoryJson writer = new InventoryJson(version);
    String reportId = config.agentId() + ":" + UUID.randomUUID();
    StoredBody body;
    if (advisories.isEmpty()) {
      body = writeSnapshot(copy -> body(reportId, out -> writer.write(snapshot, out, false), copy));
    } else {
      body =
          body(
              reportId, out -> writer.write(snapshot, out, false), OutputStream.nullOutputStream());
      Inventory matched =
          snapshot.withMatches(
              advisories.get().match(snapshot).stream().map(m -> (Object) m.toJson()).toList());
      writeSnapshot(
          out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(matched, w);
            w.flush();
            return null;
          });
    }
    lastBodyBytes = body.bytes().length;
    int dropped = outbox.add(reportId, clock.instant(), body);
    metrics.reportQueued(dropped);
    queued.incrementAndGet();
    lastAssets = snapshot.assets().size();
    if (dropped > 0) {
      LOG.warn("outbox over outboxMaxBytes: dropped the {} oldest unsent report(s)", dropped);
    }
    LOG.info(
        "report {} queued: {} asset(s), {} bytes ({} compressed)",
        reportId,
        lastAssets,
        body.size(),
        body.bytes().length);
    return reportId;
  }

  long queued() {
    return queued.get();
  }

  int lastAssets() {
    return lastAssets;
  }

  private StoredBody body(
      String reportId, ReportBody.InventoryWriter inventory, OutputStream inventoryCopy)
      throws IOException {
    return ReportBody.write(
        reportId,
        config.site(),
        config.agentId(),
        version,
        inventory,
        inventoryCopy,
        lastBodyBytes);
  }

  /** Writes {@code DATA/inventory.json} through a temporary file, replaced atomically. */
  private <T> T writeSnapshot(SnapshotContent<T> content) throws IOException {
    Path target = config.dataDirectory().resolve("inventory.json");
    Path temp = config.dataDirectory().resolve("inventory.json.tmp");
    T result;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
      result = content.writeTo(out);
    }
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return result;
  }

  @FunctionalInterface
  private interface SnapshotContent<T> {
    T writeTo(OutputStream out) throws IOException;
  }
}
