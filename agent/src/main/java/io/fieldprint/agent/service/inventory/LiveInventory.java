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
import java.util.function.Supplier;

/**
 * The agent's running inventory: one asset merge fed by every capture thread and every scan, and
 * snapshotted as a whole each report interval. Thread-safe: all access holds one lock.
 */
public final class LiveInventory implements ObservationSink {
  private final AssetMerger merger;
  private final Map<String, Supplier<InventorySource>> sources = new LinkedHashMap<>();

  public LiveInventory(MergeLimits limits) {
    this.merger = new AssetMerger(limits, MacVendors.shipped()::vendorOf);
  }

  /** Registers an input (capture or scan target) whose state each snapshot lists. */
  public synchronized void source(String key, Supplier<InventorySource> state) {
    sources.put(key, state);
  }

  @Override
  public synchronized void observe(Observation observation) {
    merger.observe(observation);
  }

  @Override
  public synchronized void finding(Finding finding) {
    merger.finding(finding);
  }

  @Override
  public synchronized void warning(DecodeWarning warning) {
    merger.warning(warning);
  }

  /** Everything seen so far, as one inventory. */
  public synchronized Inventory snapshot() {
    List<InventorySource> states = new ArrayList<>();
    sources.values().forEach(s -> states.add(s.get()));
    return merger.build(states);
  }
}
