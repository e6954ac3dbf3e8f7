package io.fieldprint.advisories.csaf;

import static io.fieldprint.advisories.csaf.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the relationships whose references resolve to defined products, possibly through other
 * relationships (composites of composites), in linear time; the rest are problems: unknown
 * references, or cycles (a composite built from itself).
 */
final class RelationshipResolver {
  private RelationshipResolver() {}

  static List<Relationship> resolve(
      JsonNode relationships, Map<String, FullProductName> products, Problems problems) {
    List<Relationship> all = new ArrayList<>();
    Set<String> composites = new HashSet<>();
    for (JsonNode node : relationships) {
      Relationship r =
          new Relationship(
              text(node, "category"),
              text(node, "product_reference"),
              text(node, "relates_to_product_reference"),
              ProductTreeReader.product(node.path("full_product_name"), List.of()));
      all.add(r);
      composites.add(r.fullProductName().productId());
    }
    boolean[] resolved = resolvable(all, products.keySet());
    List<Relationship> kept = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Relationship r = all.get(i);
      if (resolved[i]) {
        kept.add(r);
      } else {
        problems.add(unresolved(r, products.keySet(), composites));
      }
    }
    return kept;
  }

  private static boolean[] resolvable(List<Relationship> all, Set<String> defined) {
    Map<String, List<Integer>> waitingOn = new HashMap<>();
    int[] missing = new int[all.size()];
    Deque<String> ready = new ArrayDeque<>(defined);
    for (int i = 0; i < all.size(); i++) {
      Relationship r = all.get(i);
      for (String ref : List.of(r.productReference(), r.relatesToProductReference())) {
        missing[i]++;
        waitingOn.computeIfAbsent(ref, k -> new ArrayList<>()).add(i);
      }
    }
    boolean[] resolved = new boolean[all.size()];
    Set<String> seen = new HashSet<>();
    while (!ready.isEmpty()) {
      String id = ready.poll();
      if (!seen.add(id)) {
        continue;
      }
      for (int i : waitingOn.getOrDefault(id, List.of())) {
        if (--missing[i] == 0 && !resolved[i]) {
          resolved[i] = true;
          ready.add(all.get(i).fullProductName().productId());
        }
      }
    }
    return resolved;
  }

  private static String unresolved(Relationship r, Set<String> defined, Set<String> composites) {
    for (String ref : List.of(r.productReference(), r.relatesToProductReference())) {
      if (!defined.contains(ref) && !composites.contains(ref)) {
        return "relationship '"
            + r.fullProductName().productId()
            + "' references unknown product '"
            + ref
            + "'";
      }
    }
    return "relationship '" + r.fullProductName().productId() + "' is part of a cycle";
  }
}
