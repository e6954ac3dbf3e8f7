package io.fieldprint.collector.correlation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.index.AdvisoryIndex;
import io.fieldprint.advisories.match.AdvisoryMatch;
import io.fieldprint.collector.storage.CorrelationStore;
import io.fieldprint.collector.storage.CorrelationStore.AlertRouter;
import io.fieldprint.collector.storage.CorrelationStore.Confidence;
import io.fieldprint.collector.storage.CorrelationStore.CorrelationRun;
import io.fieldprint.collector.storage.CorrelationStore.FoundMatch;
import io.fieldprint.collector.storage.StoredAsset;
import io.fieldprint.protocols.inventory.Asset;
import io.fieldprint.protocols.model.Role;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The correlation job: matches assets whose identity changed (or that an advisory import marked)
 * against an {@link AdvisoryIndex} of the current advisories, in claimed batches. Blocking; run it
 * on a worker. Several collectors on one PostgreSQL each claim different assets, so each alert is
 * made once. One instance serves one thread.
 */
public final class Correlator {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CorrelationStore store;
  private final CurrentIndex advisories;
  private final AlertRouter router;
  private final int batchSize;
  private static final int MAX_REMEMBERED = 10_000;

  private AdvisoryIndex batchIndex;
  private final Map<Identity, List<AdvisoryMatch>> byIdentity = new java.util.HashMap<>();

  public Correlator(CorrelationStore store, CsafReader reader, AlertRouter router, int batchSize) {
    this.store = store;
    this.advisories = new CurrentIndex(new AdvisoryCache(store, reader));
    this.router = router;
    this.batchSize = batchSize;
  }

  /** Correlates until no asset is due; returns the totals. */
  public CorrelationRun runUntilIdle() {
    int assets = 0;
    int added = 0;
    int removed = 0;
    int alerts = 0;
    while (true) {
      CorrelationRun run = store.correlateDue(batchSize, this::match, router);
      if (run.assets() == 0) {
        return new CorrelationRun(assets, added, removed, alerts);
      }
      assets += run.assets();
      added += run.added();
      removed += run.removed();
      alerts += run.alerts();
    }
  }

  private List<FoundMatch> match(StoredAsset stored, Map<String, String> versions) {
    // the index of the current advisories is kept between batches and updated when they change;
    // devices of the same identity (vendor, product, model, firmware: all the matcher reads)
    // share one result
    AdvisoryIndex index = advisories.of(versions);
    if (index != batchIndex) {
      batchIndex = index;
      byIdentity.clear();
    }
    if (byIdentity.size() >= MAX_REMEMBERED) {
      byIdentity.clear();
    }
    Asset asset = asset(stored);
    List<AdvisoryMatch> matches =
        byIdentity.computeIfAbsent(
            new Identity(asset.vendor(), asset.product(), asset.model(), asset.firmware()),
            k -> index.match(asset));
    return matches.stream()
        .map(m -> found(forAsset(m, asset.id()), versions.get(m.advisoryId())))
        .toList();
  }

  private static AdvisoryMatch forAsset(AdvisoryMatch m, String assetId) {
    return new AdvisoryMatch(
        assetId,
        m.advisoryId(),
        m.title(),
        m.cves(),
        m.cvss(),
        m.product(),
        m.versionRule(),
        m.productMatch(),
        m.confidence(),
        m.remediation(),
        m.tlp(),
        m.published(),
        m.updated());
  }

  /** What the matcher reads from an asset. */
  private record Identity(String vendor, String product, String model, String firmware) {}

  private static FoundMatch found(AdvisoryMatch m, String version) {
    try {
      return new FoundMatch(
          m.advisoryId(),
          version,
          Confidence.valueOf(m.confidence().level().name()),
          m.cvss() == null ? Optional.empty() : Optional.of(m.cvss().score()),
          Optional.ofNullable(m.tlp()),
          m.title() == null ? m.advisoryId() : m.title(),
          JSON.writeValueAsString(m.toJson()));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Asset asset(StoredAsset a) {
    Role role;
    try {
      role = Role.valueOf(a.role().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      role = Role.UNKNOWN;
    }
    return new Asset(
        a.assetId(),
        a.ip(),
        a.mac(),
        a.name().orElse(null),
        a.vendor().orElse(null),
        a.product().orElse(null),
        a.model().orElse(null),
        a.firmware().orElse(null),
        a.hardware().orElse(null),
        a.serial().orElse(null),
        role,
        null,
        Map.of(),
        a.protocols(),
        a.firstSeen(),
        a.lastSeen(),
        List.of(),
        0);
  }
}
