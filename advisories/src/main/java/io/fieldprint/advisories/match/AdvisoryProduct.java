package io.fieldprint.advisories.match;

import io.fieldprint.advisories.csaf.FullProductName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An advisory product with everything {@link ProductMatcher} derives from it computed once: vendor
 * keys, the name compared, model number patterns (helpers and those written in the name) compiled,
 * name tokens, the families the name stands for, and the keys under which an index finds it.
 */
final class AdvisoryProduct {
  /** Longest model prefix used as a lookup key. */
  static final int MODEL_KEY_LENGTH = 6;

  final FullProductName product;
  final Set<String> vendors;
  final String name;
  final List<ModelNumbers.Wildcard> models;

  /** The model numbers as the advisory wrote them (helpers first), for reasons. */
  final List<String> modelTexts;

  final ProductNames.Advisory names;
  final List<ProductFamilies.Family> families;
  final VersionRule.Prepared version;

  private AdvisoryProduct(FullProductName product, Set<String> vendors) {
    this.product = product;
    this.vendors = vendors;
    this.name = product.productName().isEmpty() ? product.name() : product.productName();
    List<String> texts = new ArrayList<>(product.helper().modelNumbers());
    int helpers = texts.size();
    texts.addAll(ModelNumbers.inName(name));
    List<ModelNumbers.Wildcard> patterns = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      patterns.add(ModelNumbers.Wildcard.of(i < helpers ? ModelNumbers.partial(text) : text));
    }
    this.modelTexts = List.copyOf(texts);
    this.models = List.copyOf(patterns);
    this.names = ProductNames.Advisory.of(name);
    this.families = ProductFamilies.naming(VendorLineage.reachable(vendors), name);
    this.version = new VersionRule.Prepared(product.versionLeaf(), product.productName());
  }

  static AdvisoryProduct of(FullProductName product) {
    return new AdvisoryProduct(product, VendorNames.candidates(product.vendor()));
  }

  /** A product whose vendor string's {@link VendorNames#candidates} are known. */
  static AdvisoryProduct of(FullProductName product, Set<String> vendors) {
    return new AdvisoryProduct(product, vendors);
  }

  /**
   * The keys of this product in a lookup index ({@link PreparedDevice#lookupKeys}): a device can
   * only match it through one of them (model prefix, name token, family).
   */
  Set<String> keys() {
    Set<String> out = new LinkedHashSet<>();
    for (ModelNumbers.Wildcard w : models) {
      if (w.regex() != null) {
        String prefix = w.prefix();
        out.add("m:" + prefix.substring(0, Math.min(MODEL_KEY_LENGTH, prefix.length())));
      }
    }
    names.keys().forEach(k -> out.add("t:" + k));
    families.forEach(f -> out.add(f.key()));
    return out;
  }
}
