package io.fieldprint.advisories.index;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.match.AdvisoryMatch;
import io.fieldprint.advisories.match.AdvisoryMatcher;
import io.fieldprint.advisories.match.PreparedAdvisory;
import io.fieldprint.advisories.match.PreparedDevice;
import io.fieldprint.advisories.match.ProductMatcher;
import io.fieldprint.protocols.inventory.Asset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Advisories by canonical vendor key, so an asset is matched only against the documents that name
 * its vendor (or a vendor whose product lines cover it). {@link ProductMatcher} never matches a
 * product whose vendor is none of {@link ProductMatcher#advisoryVendors}, so {@code
 * index.match(asset)} gives exactly what {@code AdvisoryMatcher.match(asset, allDocuments)} gives,
 * at a fraction of the cost.
 *
 * <p>Immutable: {@link #with(CsafDocument)} returns a new index in which one advisory is replaced.
 */
public final class AdvisoryIndex {
  private static final Comparator<CsafDocument> ORDER =
      Comparator.comparing((CsafDocument d) -> d.tracking().id())
          .thenComparing(d -> d.publisher().namespace());

  private final Map<DocumentKey, CsafDocument> documents;
  private final Map<DocumentKey, PreparedAdvisory> prepared;
  private final List<PreparedAdvisory> ordered;
  private final Map<String, List<CsafDocument>> byVendor;
  private final AdvisoryMatcher matcher = new AdvisoryMatcher();
  private ProductLookup lookup;

  private AdvisoryIndex(
      Map<DocumentKey, CsafDocument> documents, Map<DocumentKey, PreparedAdvisory> prepared) {
    this.documents = documents;
    this.prepared = prepared;
    this.ordered =
        prepared.values().stream()
            .sorted(Comparator.comparing(PreparedAdvisory::document, ORDER))
            .toList();
    Map<String, List<CsafDocument>> vendors = new HashMap<>();
    ordered.stream()
        .map(PreparedAdvisory::document)
        .forEach(
            d ->
                vendorKeys(d)
                    .forEach(k -> vendors.computeIfAbsent(k, x -> new ArrayList<>()).add(d)));
    vendors.replaceAll((k, v) -> List.copyOf(v));
    this.byVendor = vendors;
  }

  /** An index of these documents; a later document with the same identity replaces an earlier. */
  public static AdvisoryIndex of(List<CsafDocument> documents) {
    Map<DocumentKey, CsafDocument> byKey = new LinkedHashMap<>();
    documents.forEach(d -> byKey.put(DocumentKey.of(d), d));
    Map<DocumentKey, PreparedAdvisory> prepared = new java.util.concurrent.ConcurrentHashMap<>();
    byKey.entrySet().parallelStream()
        .forEach(e -> prepared.put(e.getKey(), PreparedAdvisory.of(e.getValue())));
    AdvisoryIndex index = new AdvisoryIndex(byKey, new LinkedHashMap<>(prepared));
    index.lookup();
    return index;
  }

  /** This index with {@code changed} added or replacing the advisory of the same identity. */
  public AdvisoryIndex with(CsafDocument changed) {
    Map<DocumentKey, CsafDocument> copy = new LinkedHashMap<>(documents);
    copy.put(DocumentKey.of(changed), changed);
    Map<DocumentKey, PreparedAdvisory> preparedCopy = new LinkedHashMap<>(prepared);
    preparedCopy.put(DocumentKey.of(changed), PreparedAdvisory.of(changed));
    return new AdvisoryIndex(copy, preparedCopy);
  }

  /** The prepared form of the indexed document of the same identity, or {@code null}. */
  PreparedAdvisory prepared(CsafDocument document) {
    return prepared.get(DocumentKey.of(document));
  }

  /** The stored document of the same identity as {@code document}, or {@code null}. */
  public CsafDocument current(CsafDocument document) {
    return documents.get(DocumentKey.of(document));
  }

  /** How many advisories are indexed. */
  public int size() {
    return documents.size();
  }

  /**
   * The advisories that name the asset's vendor, or a vendor whose product lines cover it ({@link
   * ProductMatcher#advisoryVendors}), in tracking id order.
   */
  public List<CsafDocument> candidates(Asset asset) {
    Set<String> keys = deviceVendors(asset);
    if (keys.size() == 1) {
      return byVendor.getOrDefault(keys.iterator().next(), List.of());
    }
    Set<CsafDocument> union = new java.util.HashSet<>();
    keys.forEach(k -> union.addAll(byVendor.getOrDefault(k, List.of())));
    return union.stream().sorted(ORDER).toList();
  }

  /** The vendor keys an advisory must name to match the asset. */
  static Set<String> deviceVendors(Asset asset) {
    return ProductMatcher.advisoryVendors(
        new ProductMatcher.DeviceProduct(asset.vendor(), asset.product(), asset.model()));
  }

  /**
   * The matches of an asset, as {@link AdvisoryMatcher#match} would give over all documents: only
   * the affected products the second level ({@link ProductLookup}) finds for the device are
   * compared.
   */
  public List<AdvisoryMatch> match(Asset asset) {
    PreparedDevice device = AdvisoryMatcher.device(asset);
    long[] refs = lookup().candidates(device);
    List<AdvisoryMatch> out = new ArrayList<>();
    int from = 0;
    while (from < refs.length) {
      int doc = (int) (refs[from] >>> 32);
      int to = from;
      while (to < refs.length && (int) (refs[to] >>> 32) == doc) {
        to++;
      }
      int[] products = new int[to - from];
      for (int i = from; i < to; i++) {
        products[i - from] = (int) refs[i];
      }
      AdvisoryMatch best = matcher.best(asset, device, ordered.get(doc), products);
      if (best != null) {
        out.add(best);
      }
      from = to;
    }
    out.sort(Comparator.comparing(AdvisoryMatch::advisoryId));
    return out;
  }

  /**
   * The second level: built with the index by {@link #of}, and on first use by an index made by
   * {@link #with} (re-correlation only matches the changed advisory).
   */
  private synchronized ProductLookup lookup() {
    if (lookup == null) {
      lookup = new ProductLookup(ordered);
    }
    return lookup;
  }

  /**
   * The matches of many assets, in asset order, on all cores. Assets that report the same vendor,
   * product, model and firmware are matched once (a plant has many identical devices): their
   * matches are the same but for the asset id.
   */
  public List<List<AdvisoryMatch>> matchAll(List<Asset> assets) {
    Map<Identity, Asset> representatives = new LinkedHashMap<>();
    for (Asset a : assets) {
      representatives.putIfAbsent(Identity.of(a), a);
    }
    Map<Identity, List<AdvisoryMatch>> byIdentity = new java.util.concurrent.ConcurrentHashMap<>();
    representatives.entrySet().parallelStream()
        .forEach(e -> byIdentity.put(e.getKey(), match(e.getValue())));
    List<List<AdvisoryMatch>> out = new ArrayList<>(assets.size());
    for (Asset a : assets) {
      List<AdvisoryMatch> shared = byIdentity.get(Identity.of(a));
      out.add(shared.stream().map(m -> forAsset(m, a.id())).toList());
    }
    return out;
  }

  private static AdvisoryMatch forAsset(AdvisoryMatch m, String assetId) {
    if (m.assetId().equals(assetId)) {
      return m;
    }
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

  /** What matching depends on besides the asset id. */
  private record Identity(String vendor, String product, String model, String firmware) {
    static Identity of(Asset a) {
      return new Identity(a.vendor(), a.product(), a.model(), a.firmware());
    }
  }

  /** The canonical vendor keys a document's products name. */
  public static Set<String> vendorKeys(CsafDocument document) {
    return PreparedAdvisory.vendorKeys(document);
  }

  /** Identity of an advisory: publisher namespace and tracking id. */
  private record DocumentKey(String namespace, String trackingId) {
    static DocumentKey of(CsafDocument d) {
      return new DocumentKey(d.publisher().namespace(), d.tracking().id());
    }
  }
}
