package io.fieldprint.collector.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.fieldprint.collector.config.RequestLimits;
import java.util.Map;
import java.util.Optional;

/**
 * Checks array lengths in a parsed body (string lengths and depth are bounded while parsing). The
 * inventory's {@code assets} array has its own bound; every other array shares one.
 */
final class BodyLimits {
  private final RequestLimits limits;

  BodyLimits(RequestLimits limits) {
    this.limits = limits;
  }

  /** The first violation, with its JSON pointer, or empty. */
  Optional<String> violation(JsonNode root) {
    Optional<String> v = count(root, "assets", limits.maxAssetsPerReport());
    if (v.isEmpty()) {
      v = count(root, "findings", limits.maxFindingsPerReport());
    }
    return v.isPresent() ? v : walk(root, "");
  }

  private static Optional<String> count(JsonNode root, String array, int limit) {
    JsonNode items = root.path("inventory").path(array);
    if (items.isArray() && items.size() > limit) {
      return Optional.of(
          "/inventory/" + array + " has " + items.size() + " items; the limit is " + limit);
    }
    return Optional.empty();
  }

  private Optional<String> walk(JsonNode node, String pointer) {
    if (node.isArray()) {
      boolean counted =
          pointer.equals("/inventory/assets") || pointer.equals("/inventory/findings");
      if (!counted && node.size() > limits.maxArrayLength()) {
        return Optional.of(
            pointer + " has " + node.size() + " items; the limit is " + limits.maxArrayLength());
      }
      for (int i = 0; i < node.size(); i++) {
        Optional<String> v = walk(node.get(i), pointer + "/" + i);
        if (v.isPresent()) {
          return v;
        }
      }
    } else if (node.isObject()) {
      if (node.size() > limits.maxArrayLength()) {
        return Optional.of(
            pointer + " has " + node.size() + " keys; the limit is " + limits.maxArrayLength());
      }
      for (var it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Optional<String> v = walk(e.getValue(), pointer + "/" + e.getKey());
        if (v.isPresent()) {
          return v;
        }
      }
    }
    return Optional.empty();
  }
}
