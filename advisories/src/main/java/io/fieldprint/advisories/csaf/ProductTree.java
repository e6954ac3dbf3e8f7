package io.fieldprint.advisories.csaf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code product_tree}, flattened: every product from branch leaves, {@code full_product_names} and
 * relationships, each once by id (the first definition wins; duplicates are a problem on the
 * document).
 *
 * @param products all products in document order
 * @param productGroups the groups
 * @param relationships the relationships whose references are known and not cyclic
 */
public record ProductTree(
    List<FullProductName> products,
    List<ProductGroup> productGroups,
    List<Relationship> relationships) {

  /** A tree with nothing in it. */
  public static final ProductTree EMPTY = new ProductTree(List.of(), List.of(), List.of());

  public ProductTree {
    products = List.copyOf(products);
    productGroups = List.copyOf(productGroups);
    relationships = List.copyOf(relationships);
  }

  /** The product with this id. */
  public Optional<FullProductName> product(String productId) {
    return products.stream().filter(p -> p.productId().equals(productId)).findFirst();
  }

  /** Products by id. */
  public Map<String, FullProductName> byId() {
    Map<String, FullProductName> out = new LinkedHashMap<>();
    products.forEach(p -> out.putIfAbsent(p.productId(), p));
    return out;
  }
}
