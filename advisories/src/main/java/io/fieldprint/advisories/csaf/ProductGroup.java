package io.fieldprint.advisories.csaf;

import java.util.List;

/**
 * {@code product_groups[]}: a name for a set of products, used by remediations and threats.
 *
 * @param groupId the {@code group_id}
 * @param productIds the members
 * @param summary optional text, or empty
 */
public record ProductGroup(String groupId, List<String> productIds, String summary) {
  public ProductGroup {
    productIds = List.copyOf(productIds);
  }
}
