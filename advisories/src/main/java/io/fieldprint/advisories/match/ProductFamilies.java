package io.fieldprint.advisories.match;

import io.fieldprint.protocols.knowledge.KnowledgeFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The product families of {@code config/knowledge/product-families.tsv}. */
final class ProductFamilies {
  private static final String RESOURCE = "/io/fieldprint/knowledge/product-families.tsv";
  private static final List<Family> FAMILIES = KnowledgeFile.load(RESOURCE, ProductFamilies::read);

  private ProductFamilies() {}

  /**
   * One family.
   *
   * @param vendor canonical vendor key
   * @param name the family's name
   * @param device matches a device's normalised model or its product name
   * @param advisory matches an advisory product name that stands for the whole family
   */
  record Family(String vendor, String name, Pattern device, Pattern advisory) {
    /** The lookup key of this family in an index of advisory products. */
    String key() {
      return "f:" + vendor + "\t" + name;
    }

    boolean containsDevice(String product, String model) {
      return (!model.isEmpty() && device.matcher(model).matches())
          || (product != null && device.matcher(product.strip()).matches());
    }
  }

  static List<Family> all() {
    return FAMILIES;
  }

  /**
   * The families of these vendors whose advisory pattern matches this advisory product name, in
   * file order.
   */
  static List<Family> naming(Set<String> vendorKeys, String advisoryProduct) {
    String advisory = advisoryProduct.replace('\u00a0', ' ').strip();
    return FAMILIES.stream()
        .filter(f -> vendorKeys.contains(f.vendor()))
        .filter(f -> f.advisory().matcher(advisory).matches())
        .toList();
  }

  /** The families, of any vendor, a device belongs to by its product name or normalised model. */
  static List<Family> containing(String product, String model) {
    return FAMILIES.stream().filter(f -> f.containsDevice(product, model)).toList();
  }

  private static List<Family> read(InputStream in) throws IOException {
    List<Family> out = new ArrayList<>();
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      if (cols.length != 4) {
        throw new IllegalStateException("product-families.tsv: expected 4 columns: " + line);
      }
      out.add(
          new Family(
              VendorNames.normalise(cols[0]),
              cols[1],
              Pattern.compile(cols[2], Pattern.CASE_INSENSITIVE),
              Pattern.compile(cols[3], Pattern.CASE_INSENSITIVE)));
    }
    return List.copyOf(out);
  }
}
