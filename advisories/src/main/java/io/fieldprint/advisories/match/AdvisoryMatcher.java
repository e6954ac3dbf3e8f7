package io.fieldprint.advisories.match;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.FullProductName;
import io.fieldprint.advisories.match.AdvisoryMatch.Confidence;
import io.fieldprint.advisories.match.AdvisoryMatch.Level;
import io.fieldprint.advisories.match.ProductMatcher.DeviceProduct;
import io.fieldprint.advisories.version.VersionComparison.Verdict;
import io.fieldprint.protocols.inventory.Asset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Matches one asset against advisories: at most one {@link AdvisoryMatch} per advisory, for the
 * advisory product that matches best. Products listed as {@code fixed} or {@code
 * known_not_affected} for a vulnerability are not matched for it; a device whose firmware compares
 * NOT_AFFECTED is not reported.
 */
public final class AdvisoryMatcher {
  private final ProductMatcher products = new ProductMatcher();

  /**
   * The matches of this asset, sorted by advisory id. Only the documents that name one of the
   * device's {@link ProductMatcher#advisoryVendors} are prepared and compared: no product of the
   * others can match.
   */
  public List<AdvisoryMatch> match(Asset asset, List<CsafDocument> documents) {
    Set<String> vendors = device(asset).advisoryVendors();
    return matchPrepared(
        asset,
        documents.stream()
            .filter(d -> !Collections.disjoint(vendors, PreparedAdvisory.vendorKeys(d)))
            .map(PreparedAdvisory::of)
            .toList());
  }

  /** The matches of this asset against prepared advisories, sorted by advisory id. */
  public List<AdvisoryMatch> matchPrepared(Asset asset, List<PreparedAdvisory> documents) {
    PreparedDevice device = device(asset);
    List<AdvisoryMatch> out = new ArrayList<>();
    for (PreparedAdvisory doc : documents) {
      AdvisoryMatch best = best(asset, device, doc, IntStream.range(0, doc.size()).toArray());
      if (best != null) {
        out.add(best);
      }
    }
    out.sort(Comparator.comparing(AdvisoryMatch::advisoryId));
    return out;
  }

  /** The prepared form of an asset's identity. */
  public static PreparedDevice device(Asset asset) {
    return PreparedDevice.of(new DeviceProduct(asset.vendor(), asset.product(), asset.model()));
  }

  /**
   * The best match of an asset in one advisory, looking only at the given affected products (in
   * ascending order; an index gives those the device can match), or {@code null}.
   */
  public AdvisoryMatch best(
      Asset asset, PreparedDevice device, PreparedAdvisory doc, int[] productIndexes) {
    AdvisoryMatch best = null;
    for (int i : productIndexes) {
      AdvisoryMatch candidate = candidate(asset, device, doc, i);
      if (candidate != null && (best == null || RANK.compare(candidate, best) < 0)) {
        best = candidate;
      }
    }
    return best;
  }

  private static final Comparator<AdvisoryMatch> RANK =
      Comparator.<AdvisoryMatch, Level>comparing(m -> m.confidence().level())
          .thenComparing(m -> m.productMatch().kind());

  private AdvisoryMatch candidate(
      Asset asset, PreparedDevice device, PreparedAdvisory prepared, int i) {
    AdvisoryProduct ap = prepared.product(i);
    ProductMatch pm = products.match(device, ap);
    if (!pm.matched()) {
      return null;
    }
    FullProductName p = ap.product;
    Set<String> cves = prepared.cves(i);
    CsafDocument doc = prepared.document();
    VersionRule rule = ap.version.evaluate(asset.firmware());
    if (rule.verdict() == Verdict.NOT_AFFECTED) {
      return null;
    }
    return new AdvisoryMatch(
        asset.id(),
        doc.tracking().id(),
        doc.title(),
        cves.stream().filter(c -> !c.isEmpty()).toList(),
        MatchDetails.highestCvss(doc, p.productId(), cves),
        pathText(p),
        rule,
        pm,
        confidence(pm, rule),
        MatchDetails.fix(doc, p.productId(), rule.fixedVersion()),
        doc.tlpLabel().isEmpty() ? null : doc.tlpLabel(),
        doc.tracking().initialReleaseDate(),
        doc.tracking().currentReleaseDate());
  }

  private static Confidence confidence(ProductMatch pm, VersionRule rule) {
    String reason = pm.reason() + "; " + rule.reason();
    if (rule.verdict() != Verdict.AFFECTED) {
      return new Confidence(Level.LOW, "version not decided: " + reason);
    }
    Level level = pm.kind() == ProductMatch.Kind.EXACT_MODEL ? Level.HIGH : Level.MEDIUM;
    return new Confidence(level, reason);
  }

  private static String pathText(FullProductName p) {
    if (p.path().isEmpty()) {
      return p.name();
    }
    return p.path().stream().map(b -> b.name().strip()).collect(Collectors.joining(" > "));
  }
}
