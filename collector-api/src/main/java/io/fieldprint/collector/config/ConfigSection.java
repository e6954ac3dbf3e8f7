package io.fieldprint.collector.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One mapping of the configuration file, read key by key. Problems (wrong type, out of range,
 * unknown key) are added to a shared list instead of thrown, so every error is reported at once.
 */
final class ConfigSection {
  private final String path;
  private final JsonNode node;
  private final List<String> problems;

  ConfigSection(String path, JsonNode node, List<String> problems) {
    this.path = path;
    this.node = node;
    this.problems = problems;
  }

  /** Reports every key of this mapping that is not in {@code known}. */
  void rejectUnknownKeys(Set<String> known) {
    if (node == null) {
      return;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        problems.add(qualified(key) + ": unknown key (known: " + String.join(", ", known) + ")");
      }
    }
  }

  boolean has(String key) {
    return node != null && node.hasNonNull(key);
  }

  Optional<ConfigSection> section(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonNode child = node.get(key);
    if (!child.isObject()) {
      problems.add(qualified(key) + ": must be a mapping");
      return Optional.empty();
    }
    return Optional.of(new ConfigSection(qualified(key), child, problems));
  }

  String text(String key, String fallback) {
    if (!has(key)) {
      return fallback;
    }
    JsonNode value = node.get(key);
    if (!value.isTextual() || value.asText().isBlank()) {
      problems.add(qualified(key) + ": must be a non-empty string");
      return fallback;
    }
    return value.asText();
  }

  /** A true/false value, false when absent. */
  boolean flag(String key) {
    if (!has(key)) {
      return false;
    }
    JsonNode value = node.get(key);
    if (!value.isBoolean()) {
      problems.add(qualified(key) + ": must be true or false");
      return false;
    }
    return value.asBoolean();
  }

  Optional<String> optionalText(String key) {
    return has(key) ? Optional.of(text(key, "")) : Optional.empty();
  }

  long number(String key, long fallback, long min, long max) {
    if (!has(key)) {
      return fallback;
    }
    JsonNode value = node.get(key);
    if (!value.isIntegralNumber()) {
      problems.add(qualified(key) + ": must be a whole number");
      return fallback;
    }
    long n = value.asLong();
    if (n < min || n > max) {
      problems.add(
          qualified(key) + ": must be between " + min + " and " + max + " (was " + n + ")");
      return fallback;
    }
    return n;
  }

  int integer(String key, int fallback, int min, int max) {
    return (int) number(key, fallback, min, max);
  }

  /** A problem with this mapping as a whole. */
  void problem(String message) {
    problems.add(path + ": " + message);
  }

  void problem(String key, String message) {
    problems.add(qualified(key) + ": " + message);
  }

  String qualified(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The mappings of a list value; a missing key is an empty list. */
  java.util.List<ConfigSection> list(String key) {
    java.util.List<ConfigSection> out = new java.util.ArrayList<>();
    if (!has(key)) {
      return out;
    }
    JsonNode value = node.get(key);
    if (!value.isArray()) {
      problems.add(qualified(key) + ": must be a list");
      return out;
    }
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      String at = qualified(key) + "[" + i + "]";
      if (!item.isObject()) {
        problems.add(at + ": must be a mapping");
      } else {
        out.add(new ConfigSection(at, item, problems));
      }
    }
    return out;
  }

  /** The strings of a list value; a missing key is an empty list. */
  java.util.List<String> strings(String key) {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (!has(key)) {
      return out;
    }
    JsonNode value = node.get(key);
    if (!value.isArray()) {
      problems.add(qualified(key) + ": must be a list of strings");
      return out;
    }
    value.forEach(
        v -> {
          if (v.isTextual()) {
            out.add(v.asText());
          } else {
            problems.add(qualified(key) + ": must be a list of strings");
          }
        });
    return out;
  }

  /** A decimal number, when present. */
  Optional<Double> decimal(String key, double min, double max) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonNode value = node.get(key);
    if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
      problems.add(qualified(key) + ": must be a number between " + min + " and " + max);
      return Optional.empty();
    }
    return Optional.of(value.asDouble());
  }
}
