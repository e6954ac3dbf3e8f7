package io.fieldprint.advisories.match;

import io.fieldprint.advisories.csaf.FullProductName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a device and an advisory product are the same product: by order/model number,
 * then product name, then product family. Conservative: a vendor mismatch is always {@link
 * ProductMatch.Kind#NONE}, and so is an advisory product that names an order number the device's
 * order number does not match (a numeric product code, such as CIP's, is not an order number).
 */
public final class ProductMatcher {

  /**
   * What a device says about itself, as the inventory has it.
   *
   * @param vendor vendor as reported, or {@code null}
   * @param product product name as reported, or {@code null}
   * @param model order number / product code as reported, or {@code null}
   */
  public record DeviceProduct(String vendor, String product, String model) {}

  /**
   * The canonical vendor keys an advisory product must name for {@link #match} to match this
   * device: the device's own vendor and the vendors whose product lines cover it ({@code
   * vendor-lineage.tsv}); empty when the device reports no vendor. Indexes use it to skip
   * advisories that cannot match.
   */
  public static Set<String> advisoryVendors(DeviceProduct device) {
    String vendorKey = VendorNames.normalise(device.vendor());
    if (vendorKey.isEmpty()) {
      return Set.of();
    }
    return VendorLineage.withPartners(
        vendorKey, device.product(), ModelNumbers.normalise(device.model()));
  }

  /** Matches one device against one advisory product; never throws. */
  public ProductMatch match(DeviceProduct device, FullProductName advisory) {
    String vendorKey = VendorNames.normalise(device.vendor());
    if (vendorKey.isEmpty()) {
      return ProductMatch.none("the device reports no vendor");
    }
    Set<String> advisoryVendors = VendorNames.candidates(advisory.vendor());
    String model = ModelNumbers.normalise(device.model());
    if (!advisoryVendors.contains(vendorKey)) {
      Optional<VendorLineage.Line> line =
          VendorLineage.covering(vendorKey, advisoryVendors, device.product(), model);
      if (line.isEmpty()) {
        return ProductMatch.none(
            "vendor '" + vendorKey + "' is not the advisory's " + advisoryVendors);
      }
      ProductMatch pm = sameVendor(device, line.get().advisory(), model, advisory);
      return pm.matched()
          ? new ProductMatch(
              pm.kind(),
              "product line of '"
                  + vendorKey
                  + "' also published by '"
                  + line.get().advisory()
                  + "'; "
                  + pm.reason())
          : pm;
    }
    return sameVendor(device, vendorKey, model, advisory);
  }

  private static ProductMatch sameVendor(
      DeviceProduct device, String vendorKey, String model, FullProductName advisory) {
    String name = advisory.productName().isEmpty() ? advisory.name() : advisory.productName();
    String productAsModel = ModelNumbers.normalise(device.product());
    List<String> advisoryModels = new ArrayList<>(advisory.helper().modelNumbers());
    int helpers = advisoryModels.size();
    advisoryModels.addAll(ModelNumbers.inName(name));
    for (int i = 0; i < advisoryModels.size(); i++) {
      String pattern = advisoryModels.get(i);
      String compared = i < helpers ? ModelNumbers.partial(pattern) : pattern;
      boolean byModel = ModelNumbers.matches(compared, model);
      if (byModel || ModelNumbers.matches(compared, productAsModel)) {
        String reported = byModel ? device.model() : device.product();
        return new ProductMatch(
            ProductMatch.Kind.EXACT_MODEL,
            "model '" + reported + "' matches advisory model number '" + pattern + "'");
      }
    }
    if (!advisoryModels.isEmpty() && ModelNumbers.isOrderNumber(model)) {
      return ProductMatch.none(
          "model '" + device.model() + "' is none of the advisory's " + advisoryModels);
    }
    return byName(device, vendorKey, model, name);
  }

  private static ProductMatch byName(
      DeviceProduct device, String vendorKey, String model, String name) {
    for (String text : new String[] {device.product(), device.model()}) {
      String reason = ProductNames.match(text, name);
      if (reason != null) {
        return new ProductMatch(ProductMatch.Kind.PRODUCT_NAME, reason);
      }
    }
    Optional<ProductFamilies.Family> family =
        ProductFamilies.shared(
            VendorLineage.withPartners(vendorKey, device.product(), model),
            device.product(),
            model,
            name);
    if (family.isPresent()) {
      return new ProductMatch(
          ProductMatch.Kind.FAMILY,
          "device and '" + name.strip() + "' are in the " + family.get().name());
    }
    return ProductMatch.none("neither model, product name nor family matches '" + name + "'");
  }
}
