package io.fieldprint.advisories.csaf;

import java.util.List;

/**
 * A product the document can name in a status, remediation or score: a {@code full_product_name_t}
 * from a branch leaf, from {@code full_product_names} or from a relationship.
 *
 * @param productId the {@code product_id}
 * @param name the human-readable full name
 * @param path the branches from the root to the leaf (empty for {@code full_product_names} and
 *     relationship products)
 * @param helper the identification helper, or {@link ProductIdentificationHelper#NONE}
 */
public record FullProductName(
    String productId, String name, List<Branch> path, ProductIdentificationHelper helper) {

  public FullProductName {
    path = List.copyOf(path);
  }

  /** The {@code vendor} branch name, or empty. */
  public String vendor() {
    return branch("vendor");
  }

  /** The {@code product_family} branch name, or empty. */
  public String productFamily() {
    return branch("product_family");
  }

  /** The {@code product_name} branch name, or empty. */
  public String productName() {
    return branch("product_name");
  }

  /** The {@code product_version} or {@code product_version_range} leaf, or {@code null}. */
  public Branch versionLeaf() {
    for (int i = path.size() - 1; i >= 0; i--) {
      String category = path.get(i).category();
      if (category.equals("product_version") || category.equals("product_version_range")) {
        return path.get(i);
      }
    }
    return null;
  }

  private String branch(String category) {
    for (int i = path.size() - 1; i >= 0; i--) {
      if (path.get(i).category().equals(category)) {
        return path.get(i).name();
      }
    }
    return "";
  }
}
