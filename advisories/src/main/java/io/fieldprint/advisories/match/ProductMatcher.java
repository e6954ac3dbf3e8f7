package io.fieldprint.advisories.match;

import io.fieldprint.advisories.csaf.FullProductName;
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
    return match(PreparedDevice.of(device), AdvisoryProduct.of(advisory));
  }

  /** Matches one prepared device against one prepared advisory product; never throws. */
  ProductMatch match(PreparedDevice device, AdvisoryProduct advisory) {
    String vendorKey = device.vendorKey;
    if (vendorKey.isEmpty()) {
      return ProductMatch.none("the device reports no vendor");
    }
    Set<String> advisoryVendors = advisory.vendors;
    if (!advisoryVendors.contains(vendorKey)) {
      Optional<VendorLineage.Line> line =
          VendorLineage.covering(vendorKey, advisoryVendors, device.device.product(), device.model);
      if (line.isEmpty()) {
        return ProductMatch.none(
            "vendor '" + vendorKey + "' is not the advisory's " + advisoryVendors);
      }
      ProductMatch pm = sameVendor(device, line.get().advisory(), advisory);
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
    return sameVendor(device, vendorKey, advisory);
  }

  private static ProductMatch sameVendor(
      PreparedDevice device, String vendorKey, AdvisoryProduct advisory) {
    List<ModelNumbers.Wildcard> models = advisory.models;
    for (int i = 0; i < models.size(); i++) {
      ModelNumbers.Wildcard compared = models.get(i);
      boolean byModel = compared.matches(device.model, device.modelIsPlain);
      if (byModel || compared.matches(device.productAsModel, device.productAsModelIsPlain)) {
        String reported = byModel ? device.device.model() : device.device.product();
        return new ProductMatch(
            ProductMatch.Kind.EXACT_MODEL,
            "model '"
                + reported
                + "' matches advisory model number '"
                + advisory.modelTexts.get(i)
                + "'");
      }
    }
    if (!models.isEmpty() && device.modelIsOrderNumber) {
      return ProductMatch.none(
          "model '" + device.device.model() + "' is none of the advisory's " + advisory.modelTexts);
    }
    return byName(device, vendorKey, advisory);
  }

  private static ProductMatch byName(
      PreparedDevice device, String vendorKey, AdvisoryProduct advisory) {
    for (List<String> tokens : List.of(device.productTokens, device.modelTokens)) {
      String reason = ProductNames.match(tokens, advisory.names);
      if (reason != null) {
        return new ProductMatch(ProductMatch.Kind.PRODUCT_NAME, reason);
      }
    }
    if (advisory.families.isEmpty()) {
      return noMatch(advisory.name);
    }
    String product = device.device.product();
    Set<String> vendorKeys =
        vendorKey.equals(device.vendorKey)
            ? device.advisoryVendors()
            : VendorLineage.withPartners(vendorKey, product, device.model);
    for (ProductFamilies.Family family : advisory.families) {
      if (vendorKeys.contains(family.vendor()) && device.families.contains(family)) {
        return new ProductMatch(
            ProductMatch.Kind.FAMILY,
            "device and '" + advisory.name.strip() + "' are in the " + family.name());
      }
    }
    return noMatch(advisory.name);
  }

  private static ProductMatch noMatch(String name) {
    return ProductMatch.none("neither model, product name nor family matches '" + name + "'");
  }
}
