package io.fieldprint.advisories.match;

import io.fieldprint.protocols.knowledge.KnowledgeFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Product lines that changed hands ({@code config/knowledge/vendor-lineage.tsv}): a device of one
 * vendor is also covered by another vendor's advisories, but only for the product lines both
 * published (ABB's Relion and RTU500 went to Hitachi Energy; GE's PACSystems went to Emerson). Not
 * an alias: the two vendors' other products stay apart.
 */
final class VendorLineage {
  private static final String RESOURCE = "/io/fieldprint/knowledge/vendor-lineage.tsv";
  private static final List<Line> LINES = KnowledgeFile.load(RESOURCE, VendorLineage::read);

  private VendorLineage() {}

  /**
   * One product line.
   *
   * @param device canonical vendor key the device reports
   * @param advisory canonical vendor key of advisories that also cover it
   * @param products matches the device's product name or normalised model
   */
  record Line(String device, String advisory, Pattern products) {
    boolean covers(String product, String model) {
      return (product != null && products.matcher(product.strip()).matches())
          || (!model.isEmpty() && products.matcher(model).matches());
    }
  }

  static List<Line> all() {
    return LINES;
  }

  /** The line through which the advisory's vendors cover this device, if any. */
  static Optional<Line> covering(
      String deviceVendor, Set<String> advisoryVendors, String product, String model) {
    return LINES.stream()
        .filter(l -> l.device().equals(deviceVendor) && advisoryVendors.contains(l.advisory()))
        .filter(l -> l.covers(product, model))
        .findFirst();
  }

  /** The device's vendor and the vendors whose product lines cover the device. */
  static Set<String> withPartners(String deviceVendor, String product, String model) {
    Set<String> out = new LinkedHashSet<>();
    out.add(deviceVendor);
    LINES.stream()
        .filter(l -> l.device().equals(deviceVendor) && l.covers(product, model))
        .forEach(l -> out.add(l.advisory()));
    return out;
  }

  /**
   * Every vendor whose families a device matched through these advisory vendors can share: the
   * vendors themselves and the vendors of product lines any of them hands on ({@link #withPartners}
   * of each, for any product).
   */
  static Set<String> reachable(Set<String> advisoryVendors) {
    Set<String> out = new LinkedHashSet<>(advisoryVendors);
    LINES.stream()
        .filter(l -> advisoryVendors.contains(l.device()))
        .forEach(l -> out.add(l.advisory()));
    return out;
  }

  private static List<Line> read(InputStream in) throws IOException {
    List<Line> out = new ArrayList<>();
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      if (cols.length != 3) {
        throw new IllegalStateException("vendor-lineage.tsv: expected 3 columns: " + line);
      }
      out.add(
          new Line(
              VendorNames.normalise(cols[0]),
              VendorNames.normalise(cols[1]),
              Pattern.compile(cols[2], Pattern.CASE_INSENSITIVE)));
    }
    return List.copyOf(out);
  }
}
