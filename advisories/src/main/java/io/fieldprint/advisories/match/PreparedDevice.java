package io.fieldprint.advisories.match;

import io.fieldprint.advisories.match.ProductMatcher.DeviceProduct;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A device's identity with everything {@link ProductMatcher} derives from it computed once: the
 * canonical vendor key, normalised model (and product name read as a model), significant name
 * tokens, and the keys under which an index of advisory products ({@link
 * PreparedAdvisory#lookupKeys}) holds every product the device can match.
 */
public final class PreparedDevice {
  final DeviceProduct device;
  final String vendorKey;
  final String model;
  final String productAsModel;
  final boolean modelIsOrderNumber;
  final boolean modelIsPlain;
  final boolean productAsModelIsPlain;
  final List<ProductFamilies.Family> families;
  final List<String> productTokens;
  final List<String> modelTokens;
  private final Set<String> advisoryVendors;

  private PreparedDevice(DeviceProduct device) {
    this.device = device;
    this.vendorKey = VendorNames.normalise(device.vendor());
    this.model = ModelNumbers.normalise(device.model());
    this.productAsModel = ModelNumbers.normalise(device.product());
    this.modelIsOrderNumber = ModelNumbers.isOrderNumber(model);
    this.modelIsPlain = ModelNumbers.Wildcard.isPlain(model);
    this.productAsModelIsPlain = ModelNumbers.Wildcard.isPlain(productAsModel);
    this.families = ProductFamilies.containing(device.product(), model);
    this.productTokens = ProductNames.significantTokens(device.product());
    this.modelTokens = ProductNames.significantTokens(device.model());
    this.advisoryVendors =
        vendorKey.isEmpty()
            ? Set.of()
            : VendorLineage.withPartners(vendorKey, device.product(), model);
  }

  /** The prepared form of a device as it reports itself. */
  public static PreparedDevice of(DeviceProduct device) {
    return new PreparedDevice(device);
  }

  /** The device as it reports itself. */
  public DeviceProduct device() {
    return device;
  }

  /** {@link ProductMatcher#advisoryVendors} of this device. */
  public Set<String> advisoryVendors() {
    return advisoryVendors;
  }

  /**
   * Where an index finds every advisory product this device can match: a product it matches has a
   * key in {@link LookupKeys#always}, or, for the product name or the model text, a key of each of
   * that text's significant tokens (so any one token's keys suffice to find every such product).
   */
  public LookupKeys lookupKeys() {
    List<String> always = new ArrayList<>();
    for (String s : new String[] {model, productAsModel}) {
      for (int j = 0;
          !s.isEmpty() && j <= Math.min(AdvisoryProduct.MODEL_KEY_LENGTH, s.length());
          j++) {
        always.add("m:" + s.substring(0, j));
      }
    }
    families.forEach(f -> always.add(f.key()));
    return new LookupKeys(always, tokenKeys(productTokens), tokenKeys(modelTokens));
  }

  private static List<List<String>> tokenKeys(List<String> tokens) {
    List<List<String>> out = new ArrayList<>();
    for (String t : tokens) {
      out.add(ProductNames.lookupKeys(t).stream().map(k -> "t:" + k).toList());
    }
    return out;
  }

  /**
   * Where to look a device up in an index of advisory product keys.
   *
   * @param always keys of model prefixes and families, all to be looked up
   * @param productTokens per significant token of the product name, the keys that find every
   *     advisory name containing it; every advisory product matched by name has the keys of each
   *     token, so an index may look up the alternative with the fewest products
   * @param modelTokens the same for the model text
   */
  public record LookupKeys(
      List<String> always, List<List<String>> productTokens, List<List<String>> modelTokens) {}
}
