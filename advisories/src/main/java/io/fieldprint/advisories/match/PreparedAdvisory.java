package io.fieldprint.advisories.match;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.FullProductName;
import io.fieldprint.advisories.csaf.ProductStatus;
import io.fieldprint.advisories.csaf.Vulnerability;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * An advisory with what matching derives from it computed once: its affected products (those listed
 * as affected for some vulnerability and not fixed or not affected for it), each with the CVEs it
 * is affected by and prepared for {@link ProductMatcher}. Immutable; safe to share between threads.
 */
public final class PreparedAdvisory {
  private final CsafDocument document;
  private final List<AdvisoryProduct> products;
  private final List<Set<String>> cves;

  private PreparedAdvisory(CsafDocument document) {
    this.document = document;
    Map<String, FullProductName> byId = document.productTree().byId();
    List<AdvisoryProduct> prepared = new ArrayList<>();
    List<Set<String>> cveSets = new ArrayList<>();
    Map<String, Set<String>> vendors = new HashMap<>();
    for (Map.Entry<String, Set<String>> e : affectedProducts(document).entrySet()) {
      FullProductName product = byId.get(e.getKey());
      if (product != null) {
        Set<String> keys = vendors.computeIfAbsent(product.vendor(), VendorNames::candidates);
        prepared.add(AdvisoryProduct.of(product, keys));
        cveSets.add(e.getValue());
      }
    }
    this.products = List.copyOf(prepared);
    this.cves = List.copyOf(cveSets);
  }

  /** Prepares a document for matching. */
  public static PreparedAdvisory of(CsafDocument document) {
    return new PreparedAdvisory(document);
  }

  /** The document. */
  public CsafDocument document() {
    return document;
  }

  /** How many affected products the document has. */
  public int size() {
    return products.size();
  }

  AdvisoryProduct product(int i) {
    return products.get(i);
  }

  Set<String> cves(int i) {
    return cves.get(i);
  }

  /** The canonical vendor keys affected product {@code i} names. */
  public Set<String> vendorKeys(int i) {
    return products.get(i).vendors;
  }

  /**
   * The keys of affected product {@code i} in a lookup index: a device matches it only if one of
   * the device's {@link PreparedDevice#lookupKeys} is among them.
   */
  public Set<String> lookupKeys(int i) {
    return products.get(i).keys();
  }

  /** The canonical vendor keys a document's products name. */
  public static Set<String> vendorKeys(CsafDocument document) {
    Set<String> keys = new TreeSet<>();
    Map<String, Set<String>> seen = new HashMap<>();
    for (FullProductName p : document.productTree().products()) {
      keys.addAll(seen.computeIfAbsent(p.vendor(), VendorNames::candidates));
    }
    return keys;
  }

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
}
