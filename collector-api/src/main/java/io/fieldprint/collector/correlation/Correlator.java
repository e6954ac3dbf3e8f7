package io.fieldprint.collector.correlation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.index.AdvisoryIndex;
import io.fieldprint.advisories.match.AdvisoryMatch;
import io.fieldprint.collector.storage.CorrelationStore;
import io.fieldprint.collector.storage.CorrelationStore.AlertRouter;
import io.fieldprint.collector.storage.CorrelationStore.AssetMatcher;
import io.fieldprint.collector.storage.CorrelationStore.Confidence;
import io.fieldprint.collector.storage.CorrelationStore.CorrelationRun;
import io.fieldprint.collector.storage.CorrelationStore.FoundMatch;
import io.fieldprint.collector.storage.StoredAsset;
import io.fieldprint.protocols.inventory.Asset;
import io.fieldprint.protocols.model.Role;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The correlation job: matches assets whose identity changed (or that an advisory import marked)
 * against an {@link AdvisoryIndex} of the current advisories, in batches. Blocking; run it on a
 * worker. One instance serves one thread at a time (the batch's new identities are matched on all
 * cores).
 */
public final class Correlator {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Most a new identity's matching waits for the reports in flight to be answered, so that
   * correlation slows under a stream of reports but never stops.
   */
  static final Duration YIELD_LIMIT = Duration.ofMillis(50);

  private static final long YIELD_POLL_NANOS = 1_000_000;

  /** Identities whose matches are remembered between batches (least recently used go first). */
  private static final int MAX_REMEMBERED = 50_000;

  /**
   * The asset id matched for an identity's template: a control character, which JSON always
   * escapes, so the template's {@code "assetId":"\\u0000"} cannot occur anywhere else in it.
   */
  private static final String TEMPLATE_ID = "\0";

  private static final String TEMPLATE_FIELD = "\"assetId\":\"\\u0000\"";

  private final CorrelationStore store;
  private final CurrentIndex advisories;
  private final AlertRouter router;
  private final int batchSize;
  private final ReportActivity reports;
  private final AssetMatcher matcher = new BatchMatcher();

  private AdvisoryIndex batchIndex;

  /** Matches per identity, with {@link #TEMPLATE_ID} for the asset id in the explanation. */
  private final Map<Identity, List<FoundMatch>> byIdentity =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Identity, List<FoundMatch>> eldest) {
          return size() > MAX_REMEMBERED;
        }
      };

  /** A correlator matching new identities on all cores. */
  public Correlator(CorrelationStore store, CsafReader reader, AlertRouter router, int batchSize) {
    this(store, reader, router, batchSize, ReportActivity.NONE);
  }

  /**
   * A correlator that leaves the CPU to agents' reports: while they are arriving it matches new
   * identities on its own thread only, and before each one it waits (at most {@link #YIELD_LIMIT})
   * until no report is in flight; otherwise it matches them on all cores.
   */
  public Correlator(
      CorrelationStore store,
      CsafReader reader,
      AlertRouter router,
      int batchSize,
      ReportActivity reports) {
    this.store = store;
    this.advisories = new CurrentIndex(new AdvisoryCache(store, reader));
    this.router = router;
    this.batchSize = batchSize;
    this.reports = reports;
  }

  /** Correlates until no asset is due; returns the totals. */
  public CorrelationRun runUntilIdle() {
    CorrelationRun total = new CorrelationRun(0, 0, 0, 0);
    while (true) {
      CorrelationRun run = store.correlateDue(batchSize, matcher, router);
      if (run.assets() == 0) {
        if (total.assets() == 0) {
          prepareIndex();
        }
        return total;
      }
      total = total.plus(run);
    }
  }

  /**
   * With nothing due, brings the index up to the stored advisories, so that parsing a large import
   * happens while the collector is idle, not when the next report's new devices are correlated.
   */
  private void prepareIndex() {
    advisories.of(store.advisoryVersions());
  }

  /**
   * Matches a batch: each identity not remembered is matched once, the new ones on all cores unless
   * reports are arriving.
   */
  private final class BatchMatcher implements AssetMatcher {
    @Override
    public List<FoundMatch> match(StoredAsset asset, Map<String, String> versions) {
      return matchAll(List.of(asset), versions).get(asset.uid());
    }

    @Override
    public Map<String, List<FoundMatch>> matchAll(
        List<StoredAsset> batch, Map<String, String> versions) {
      // the index of the current advisories is kept between batches and updated when they change
      AdvisoryIndex index = advisories.of(versions);
      if (index != batchIndex) {
        batchIndex = index;
        byIdentity.clear();
      }
      Map<Identity, Asset> unknown = new LinkedHashMap<>();
      for (StoredAsset a : batch) {
        Identity identity = Identity.of(a);
        if (!byIdentity.containsKey(identity)) {
          unknown.putIfAbsent(identity, asset(a, TEMPLATE_ID));
        }
      }
      Map<Identity, List<FoundMatch>> fresh = new ConcurrentHashMap<>();
      if (reports.arriving()) {
        for (Map.Entry<Identity, Asset> e : unknown.entrySet()) {
          yieldToReports();
          fresh.put(e.getKey(), templates(index.match(e.getValue()), versions));
        }
      } else {
        unknown.entrySet().parallelStream()
            .forEach(e -> fresh.put(e.getKey(), templates(index.match(e.getValue()), versions)));
      }
      Map<String, List<FoundMatch>> out = new HashMap<>();
      for (StoredAsset a : batch) {
        Identity identity = Identity.of(a);
        List<FoundMatch> templates = fresh.get(identity);
        if (templates == null) {
          templates = byIdentity.get(identity);
        }
        out.put(a.uid(), forAsset(templates, a.assetId()));
      }
      byIdentity.putAll(fresh);
      return out;
    }
  }

  /** Waits until no report is in flight, or {@link #YIELD_LIMIT}. */
  private void yieldToReports() {
    long deadline = System.nanoTime() + YIELD_LIMIT.toNanos();
    while (reports.inFlight() && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(YIELD_POLL_NANOS);
    }
  }

  private static List<FoundMatch> templates(List<AdvisoryMatch> matches, Map<String, String> v) {
    return matches.stream().map(m -> found(m, v.get(m.advisoryId()))).toList();
  }

  /** An identity's matches with this asset's id in their explanations. */
  private static List<FoundMatch> forAsset(List<FoundMatch> templates, String assetId) {
    if (templates.isEmpty()) {
      return List.of();
    }
    String field;
    try {
      field = "\"assetId\":" + JSON.writeValueAsString(assetId);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    List<FoundMatch> out = new ArrayList<>(templates.size());
    for (FoundMatch t : templates) {
      out.add(
          new FoundMatch(
              t.advisoryId(),
              t.advisoryVersion(),
              t.confidence(),
              t.cvss(),
              t.tlp(),
              t.title(),
              t.explanationJson().replace(TEMPLATE_FIELD, field)));
    }
    return out;
  }

  /** What the matcher reads from an asset (besides its id). */
  private record Identity(String vendor, String product, String model, String firmware) {
    static Identity of(StoredAsset a) {
      return new Identity(
          a.vendor().orElse(null),
          a.product().orElse(null),
          a.model().orElse(null),
          a.firmware().orElse(null));
    }
  }

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
    return asset(a, a.assetId());
  }

  private static Asset asset(StoredAsset a, String id) {
    Role role;
    try {
      role = Role.valueOf(a.role().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      role = Role.UNKNOWN;
    }
    return new Asset(
        id,
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
