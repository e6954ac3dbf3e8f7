package io.fieldprint.advisories.match;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.FullProductName;
import io.fieldprint.advisories.csaf.ProductStatus;
import io.fieldprint.advisories.csaf.Vulnerability;
import io.fieldprint.advisories.match.AdvisoryMatch.Confidence;
import io.fieldprint.advisories.match.AdvisoryMatch.Level;
import io.fieldprint.advisories.match.ProductMatcher.DeviceProduct;
import io.fieldprint.advisories.version.VersionComparison.Verdict;
import io.fieldprint.protocols.inventory.Asset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Matches one asset against advisories: at most one {@link AdvisoryMatch} per advisory, for the
 * advisory product that matches best. Products listed as {@code fixed} or {@code
 * known_not_affected} for a vulnerability are not matched for it; a device whose firmware compares
 * NOT_AFFECTED is not reported.
 */
public final class AdvisoryMatcher {
  private final ProductMatcher products = new ProductMatcher();

  /** The matches of this asset, sorted by advisory id. */
  public List<AdvisoryMatch> match(Asset asset, List<CsafDocument> documents) {
    DeviceProduct device = new DeviceProduct(asset.vendor(), asset.product(), asset.model());
    List<AdvisoryMatch> out = new ArrayList<>();
    for (CsafDocument doc : documents) {
      AdvisoryMatch best = null;
      Map<String, FullProductName> byId = doc.productTree().byId();
      for (Map.Entry<String, Set<String>> e : affectedProducts(doc).entrySet()) {
        FullProductName product = byId.get(e.getKey());
        AdvisoryMatch candidate = candidate(asset, device, doc, product, e.getValue());
        if (candidate != null && (best == null || RANK.compare(candidate, best) < 0)) {
          best = candidate;
        }
      }
      if (best != null) {
        out.add(best);
      }
    }
    out.sort(Comparator.comparing(AdvisoryMatch::advisoryId));
    return out;
  }

  private static final Comparator<AdvisoryMatch> RANK =
      Comparator.<AdvisoryMatch, Level>comparing(m -> m.confidence().level())
          .thenComparing(m -> m.productMatch().kind());

  /** Product id to the CVEs it is affected by, in document order. */
  private static Map<String, Set<String>> affectedProducts(CsafDocument doc) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (Vulnerability v : doc.vulnerabilities()) {
      ProductStatus s = v.productStatus();
      Set<String> notAffected = new HashSet<>(s.fixed());
      notAffected.addAll(s.knownNotAffected());
      notAffected.addAll(s.firstFixed());
      Stream.of(s.firstAffected(), s.knownAffected(), s.lastAffected())
          .flatMap(List::stream)
          .filter(id -> !notAffected.contains(id))
          .forEach(id -> out.computeIfAbsent(id, k -> new TreeSet<>()).add(v.cve()));
    }
    return out;
  }

  private AdvisoryMatch candidate(
      Asset asset, DeviceProduct device, CsafDocument doc, FullProductName p, Set<String> cves) {
    if (p == null) {
      return null;
    }
    ProductMatch pm = products.match(device, p);
    if (!pm.matched()) {
      return null;
    }
    VersionRule rule = VersionRule.evaluate(p.versionLeaf(), p.productName(), asset.firmware());
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
