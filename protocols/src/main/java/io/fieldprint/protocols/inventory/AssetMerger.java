package io.fieldprint.protocols.inventory;

import io.fieldprint.protocols.decode.DecodeWarning;
import io.fieldprint.protocols.decode.ObservationSink;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Finding;
import io.fieldprint.protocols.model.Observation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds observations, findings and warnings into an {@link Inventory}: one asset per device across
 * protocols, frames and captures, joined by MAC/IP bindings, every field filled from the strongest
 * evidence, all evidence kept (deduplicated and capped).
 *
 * <p>Merge rules: an observation naming a MAC and an IP binds them, unless the MAC was seen with
 * more than {@link MergeLimits#routedMacThreshold()} IP addresses (a router's MAC: the addresses
 * behind it stay separate assets) or the IP with more than {@link MergeLimits#sharedIpThreshold()}
 * MACs (an address several devices used). Loopback addresses are scoped to their capture.
 * Multicast, broadcast and unspecified addresses never name a device.
 */
public final class AssetMerger implements ObservationSink {
  private final MergeLimits limits;
  private final MacRegistry macVendors;
  private final Map<DeviceKey, DeviceRecord> devices = new LinkedHashMap<>();
  private final List<Finding> findings = new ArrayList<>();
  private final Map<FindingKey, Integer> findingIndex = new HashMap<>();
  private final List<DecodeWarning> warnings = new ArrayList<>();
  private long warningsOmitted;
  private long devicesDropped;
  private long sequence;

  public AssetMerger(MergeLimits limits, MacRegistry macVendors) {
    this.limits = limits;
    this.macVendors = macVendors;
  }

  @Override
  public void observe(Observation observation) {
    DeviceKey key = keyOf(observation.subject(), observation.evidence().origin());
    if (key == null) {
      return;
    }
    DeviceRecord record = devices.get(key);
    if (record == null) {
      if (devices.size() >= limits.maxDevices()) {
        devicesDropped++;
        return;
      }
      record = new DeviceRecord(key);
      devices.put(key, record);
    }
    record.fold(observation, sequence++, limits.maxEvidencePerAsset());
  }

  @Override
  public void finding(Finding finding) {
    DeviceKey key = keyOf(finding.subject(), finding.evidence().origin());
    if (key == null) {
      return;
    }
    FindingKey fk = new FindingKey(key, finding.rule(), finding.detail());
    if (findingIndex.containsKey(fk)) {
      findingIndex.merge(fk, 1, Integer::sum);
      return;
    }
    findingIndex.put(fk, 1);
    findings.add(finding);
  }

  @Override
  public void warning(DecodeWarning warning) {
    if (warnings.size() < limits.maxWarnings()) {
      warnings.add(warning);
    } else {
      warningsOmitted++;
    }
  }

  /** Device references dropped because {@link MergeLimits#maxDevices()} was reached. */
  public long devicesDropped() {
    return devicesDropped;
  }

  /** Builds the inventory from everything seen so far. */
  public Inventory build(List<InventorySource> sources) {
    AssetGrouping grouping =
        AssetGrouping.of(devices.values(), limits.routedMacThreshold(), limits.sharedIpThreshold());
    AssetAssembler assembler =
        new AssetAssembler(macVendors, limits.maxEvidencePerAsset(), grouping);
    List<Asset> assets = assembler.assemble(grouping.groups());
    List<InventoryFinding> merged = new ArrayList<>();
    for (Finding f : findings) {
      DeviceKey key = keyOf(f.subject(), f.evidence().origin());
      String assetId = grouping.assetIdOf(key);
      int occurrences = findingIndex.get(new FindingKey(key, f.rule(), f.detail()));
      merged.add(
          new InventoryFinding(
              assetId,
              f.rule(),
              f.severity(),
              f.title(),
              f.detail(),
              List.of(f.evidence()),
              occurrences));
    }
    return new Inventory(
        sources,
        assets,
        FindingFolder.fold(merged, limits.maxFindingEvidence()),
        List.of(),
        warnings,
        warningsOmitted);
  }

  private static DeviceKey keyOf(DeviceRef ref, String origin) {
    String mac = AddressFilter.isUnicastMac(ref.mac()) ? ref.mac() : null;
    String ip = AddressFilter.isUnicastIp(ref.ip()) ? ref.ip() : null;
    if (mac == null && ip == null) {
      return null;
    }
    String scope = AddressFilter.isLoopback(ip) ? captureOf(origin) : "";
    return new DeviceKey(mac, ip, scope);
  }

  /**
   * The capture ("file#frame=N") or scanned target ("opc.tcp://host:port REQUEST") an origin names:
   * every request of one scanned target describes the same loopback host.
   */
  private static String captureOf(String origin) {
    if (origin == null) {
      return "null";
    }
    int hash = origin.lastIndexOf('#');
    if (hash >= 0) {
      return origin.substring(0, hash);
    }
    int space = origin.indexOf(' ');
    return space < 0 ? origin : origin.substring(0, space);
  }

  private record FindingKey(DeviceKey device, String rule, String detail) {}
}
