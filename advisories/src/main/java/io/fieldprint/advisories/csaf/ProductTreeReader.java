package io.fieldprint.advisories.csaf;

import static io.fieldprint.advisories.csaf.JsonFields.text;
import static io.fieldprint.advisories.csaf.JsonFields.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Flattens {@code product_tree} into products, groups and relationships. */
final class ProductTreeReader {
  private final Problems problems;
  private final Map<String, FullProductName> products = new LinkedHashMap<>();

  private ProductTreeReader(Problems problems) {
    this.problems = problems;
  }

  static ProductTree read(JsonNode tree, Problems problems) {
    if (tree.isMissingNode()) {
      return ProductTree.EMPTY;
    }
    ProductTreeReader reader = new ProductTreeReader(problems);
    reader.branches(tree.path("branches"), List.of());
    for (JsonNode full : tree.path("full_product_names")) {
      reader.add(product(full, List.of()));
    }
    List<Relationship> relationships =
        RelationshipResolver.resolve(tree.path("relationships"), reader.products, problems);
    relationships.forEach(r -> reader.add(r.fullProductName()));
    List<ProductGroup> groups = reader.groups(tree.path("product_groups"));
    return new ProductTree(List.copyOf(reader.products.values()), groups, relationships);
  }

  private void branches(JsonNode branches, List<Branch> parent) {
    for (JsonNode node : branches) {
      Branch branch = new Branch(text(node, "category"), text(node, "name"));
      if (branch.category().isEmpty() || branch.name().isEmpty()) {
        problems.add("branch without category or name under " + parent);
      }
      List<Branch> path = new ArrayList<>(parent);
      path.add(branch);
      boolean leaf = node.has("product");
      boolean inner = node.path("branches").isArray();
      if (leaf == inner) {
        problems.add("branch " + path + " must have either branches or a product");
      }
      if (leaf) {
        add(product(node.path("product"), path));
      }
      branches(node.path("branches"), path);
    }
  }

  static FullProductName product(JsonNode node, List<Branch> path) {
    return new FullProductName(
        text(node, "product_id"),
        text(node, "name"),
        path,
        helper(node.path("product_identification_helper")));
  }

  private void add(FullProductName product) {
    if (product.productId().isEmpty()) {
      problems.add("product without product_id: '" + product.name() + "'");
    } else if (products.putIfAbsent(product.productId(), product) != null) {
      problems.add("duplicate product_id '" + product.productId() + "'");
    }
  }

  private static ProductIdentificationHelper helper(JsonNode node) {
    if (!node.isObject()) {
      return ProductIdentificationHelper.NONE;
    }
    List<ProductIdentificationHelper.FileHash> hashes = new ArrayList<>();
    for (JsonNode hash : node.path("hashes")) {
      for (JsonNode file : hash.path("file_hashes")) {
        hashes.add(
            new ProductIdentificationHelper.FileHash(
                text(hash, "filename"), text(file, "algorithm"), text(file, "value")));
      }
    }
    return new ProductIdentificationHelper(
        text(node, "cpe"),
        text(node, "purl"),
        texts(node, "model_numbers"),
        texts(node, "skus"),
        texts(node, "serial_numbers"),
        hashes);
  }

  private List<ProductGroup> groups(JsonNode groups) {
    List<ProductGroup> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode node : groups) {
      ProductGroup group =
          new ProductGroup(
              text(node, "group_id"), texts(node, "product_ids"), text(node, "summary"));
      if (!seen.add(group.groupId())) {
        problems.add("duplicate group_id '" + group.groupId() + "'");
      }
      for (String id : group.productIds()) {
        if (!products.containsKey(id)) {
          problems.add(
              "product group '" + group.groupId() + "' names unknown product '" + id + "'");
        }
      }
      out.add(group);
    }
    return out;
  }
}
