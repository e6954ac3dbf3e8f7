package io.fieldprint.collector.export.cyclonedx;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.collector.export.ExportPager;
import io.fieldprint.collector.export.MatchExplanation;
import io.fieldprint.collector.storage.AssetQuery;
import io.fieldprint.collector.storage.CollectorStore;
import io.fieldprint.collector.storage.CorrelationStore;
import io.fieldprint.collector.storage.CorrelationStore.StoredMatch;
import io.fieldprint.collector.storage.StoredAsset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A site's CycloneDX document, streamed: the header, then one chunk of device components per page
 * of assets, then the vulnerabilities of every match of the site with their VEX analysis. Only the
 * vulnerability groups (one firmware reference per match) and the facts of each advisory matched
 * are held; the devices are not.
 */
public final class SiteCycloneDx implements ExportPager {
  private static final String TOOL_VERSION =
      Optional.ofNullable(SiteCycloneDx.class.getPackage().getImplementationVersion())
          .orElse("dev");

  private final CollectorStore store;
  private final CorrelationStore correlations;
  private final String siteId;
  private final int pageSize;
  private final Clock clock;
  private final CsafReader reader = new CsafReader();
  private final CycloneDxWriter writer = new CycloneDxWriter();
  private Phase phase = Phase.HEADER;
  private int offset;

  private enum Phase {
    HEADER,
    DEVICES,
    VULNERABILITIES,
    DONE
  }

  public SiteCycloneDx(
      CollectorStore store,
      CorrelationStore correlations,
      String siteId,
      int pageSize,
      Clock clock) {
    this.store = store;
    this.correlations = correlations;
    this.siteId = siteId;
    this.pageSize = pageSize;
    this.clock = clock;
  }

  /** The bom-ref of an asset's device component. */
  public static String deviceRef(String assetUid) {
    return "device:" + assetUid;
  }

  @Override
  public Optional<byte[]> next() {
    switch (phase) {
      case HEADER -> {
        writer.begin(
            UUID.randomUUID(),
            clock.instant(),
            TOOL_VERSION,
            List.of(new CycloneDxWriter.Property("fieldprint:site", siteId)));
        phase = Phase.DEVICES;
      }
      case DEVICES -> devices();
      case VULNERABILITIES -> {
        writer.vulnerabilities(vulnerabilities());
        writer.end();
        phase = Phase.DONE;
      }
      case DONE -> {
        return Optional.empty();
      }
    }
    return Optional.of(writer.drain());
  }

  private void devices() {
    List<StoredAsset> page =
        store
            .assets(siteId, new AssetQuery(Optional.empty(), Optional.empty(), pageSize, offset))
            .items();
    offset += page.size();
    page.forEach(a -> writer.device(device(a)));
    if (page.size() < pageSize) {
      phase = Phase.VULNERABILITIES;
      offset = 0;
    }
  }

  private List<BomVulnerability> vulnerabilities() {
    VulnerabilityGroups groups = new VulnerabilityGroups(correlations.kevCves());
    Map<String, AdvisoryFacts> advisories = new HashMap<>();
    List<StoredMatch> page;
    do {
      page = correlations.matches(siteId, pageSize, offset);
      offset += page.size();
      for (StoredMatch m : page) {
        AdvisoryFacts facts = advisories.computeIfAbsent(m.advisoryId(), this::facts);
        groups.add(finding(m, facts));
      }
    } while (page.size() == pageSize);
    return groups.build();
  }

  private AdvisoryFacts facts(String trackingId) {
    return correlations
        .advisoryJson(trackingId)
        .map(json -> reader.read(json.getBytes(StandardCharsets.UTF_8)))
        .filter(CsafDocument.class::isInstance)
        .map(d -> AdvisoryFacts.of((CsafDocument) d))
        .orElseGet(() -> AdvisoryFacts.unknown(trackingId));
  }

  private static VulnerabilityGroups.Finding finding(StoredMatch m, AdvisoryFacts facts) {
    MatchExplanation e = MatchExplanation.parse(m.explanationJson());
    Optional<BomRating> fallback =
        e.cvssScore()
            .flatMap(score -> e.cvssVector().map(v -> BomRating.of(Optional.empty(), score, v)));
    Optional<String> recommendation =
        e.remediationDetails()
            .or(() -> e.fixedVersion().map(v -> "Update the firmware to " + v + " or later."));
    return new VulnerabilityGroups.Finding(
        BomDevice.firmwareRef(deviceRef(m.assetUid())),
        facts,
        e.cves(),
        fallback,
        recommendation,
        m.triage()
            .map(t -> VexAnalysis.fromTriage(t.state(), t.justification(), t.note(), t.at())));
  }

  private static BomDevice device(StoredAsset a) {
    return new BomDevice(
        deviceRef(a.uid()),
        a.assetId(),
        a.name(),
        a.vendor(),
        a.product(),
        a.model(),
        a.firmware(),
        a.hardware(),
        a.serial(),
        a.role(),
        a.ip(),
        a.mac(),
        a.protocols());
  }
}
