package io.fieldprint.agent.service.inventory;

import io.fieldprint.protocols.decode.DecodeWarning;
import io.fieldprint.protocols.decode.ObservationSink;
import io.fieldprint.protocols.inventory.AssetMerger;
import io.fieldprint.protocols.inventory.Inventory;
import io.fieldprint.protocols.inventory.InventorySource;
import io.fieldprint.protocols.inventory.MergeLimits;
import io.fieldprint.protocols.model.Finding;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.oui.MacVendors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's running inventory: one asset merge fed by every capture thread and every scan, and
 * snapshotted as a whole each report interval. Thread-safe: all access holds one fair lock, so a
 * snapshot waits its turn behind a capture thread that takes the lock for every observation, never
 * behind an unbounded run of them.
 */
public final class LiveInventory implements ObservationSink {
  private static final Logger LOG = LoggerFactory.getLogger(LiveInventory.class);
  private final AssetMerger merger;
  private final Map<String, Supplier<InventorySource>> sources = new LinkedHashMap<>();
  private final ReentrantLock lock = new ReentrantLock(true);
  private final int maxDevices;
  private volatile long devicesDropped;

  public LiveInventory(MergeLimits limits) {
    this.merger = new AssetMerger(limits, MacVendors.shipped()::vendorOf);
    this.maxDevices = limits.maxDevices();
  }

  /** Registers an input (capture or scan target) whose state each snapshot lists. */
  public void source(String key, Supplier<InventorySource> state) {
    locked(() -> sources.put(key, state));
  }

  @Override
  public void observe(Observation observation) {
    locked(
        () -> {
          merger.observe(observation);
          noteDrops();
        });
  }

  /** Holding the lock: takes the merge's count of dropped devices, warning at the first. */
  private void noteDrops() {
    long dropped = merger.devicesDropped();
    if (dropped != devicesDropped) {
      if (devicesDropped == 0) {
        LOG.warn(
            "inventory full: {} devices tracked (maxDevices); observations of further devices are"
                + " dropped and counted in fieldprint_agent_inventory_devices_dropped",
            maxDevices);
      }
      devicesDropped = dropped;
    }
  }

  /** Observations of devices not tracked because {@code maxDevices} were tracked already. */
  public long devicesDropped() {
    return devicesDropped;
  }

  @Override
  public void finding(Finding finding) {
    locked(
        () -> {
          merger.finding(finding);
          noteDrops();
        });
  }

  @Override
  public void warning(DecodeWarning warning) {
    locked(() -> merger.warning(warning));
  }

  /** Everything seen so far, as one inventory. */
  public Inventory snapshot() {
    lock.lock();
    try {
      List<InventorySource> states = new ArrayList<>();
      sources.values().forEach(s -> states.add(s.get()));
      return merger.build(states);
    } finally {
      lock.unlock();
    }
  }

  private void locked(Runnable action) {
    lock.lock();
    try {
      action.run();
    } finally {
      lock.unlock();
    }
  }
}
