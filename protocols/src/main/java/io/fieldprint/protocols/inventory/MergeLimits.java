package io.fieldprint.protocols.inventory;

/**
 * Bounds on what the asset merge keeps, so an endless capture cannot exhaust memory.
 *
 * @param maxDevices distinct device references tracked; observations of further devices are counted
 *     and dropped
 * @param maxEvidencePerAsset distinct pieces of evidence kept per device reference and per asset
 * @param maxFindingEvidence evidence kept per finding
 * @param maxWarnings decode warnings kept
 * @param routedMacThreshold a MAC seen with more distinct IP addresses than this is taken to be a
 *     router's, and does not merge those addresses into one asset
 * @param sharedIpThreshold an IP seen with more MACs than this was used by several devices, and
 *     does not merge them into one asset
 */
public record MergeLimits(
    int maxDevices,
    int maxEvidencePerAsset,
    int maxFindingEvidence,
    int maxWarnings,
    int routedMacThreshold,
    int sharedIpThreshold) {

  public static final MergeLimits DEFAULT = new MergeLimits(200_000, 32, 3, 1_000, 4, 2);

  public MergeLimits {
    if (maxDevices < 1
        || maxEvidencePerAsset < 1
        || maxFindingEvidence < 1
        || maxWarnings < 0
        || routedMacThreshold < 1
        || sharedIpThreshold < 1) {
      throw new IllegalArgumentException("merge limits must be positive: " + this);
    }
  }

  /** These limits with another {@link #maxDevices()}. */
  public MergeLimits withMaxDevices(int devices) {
    return new MergeLimits(
        devices,
        maxEvidencePerAsset,
        maxFindingEvidence,
        maxWarnings,
        routedMacThreshold,
        sharedIpThreshold);
  }
}
