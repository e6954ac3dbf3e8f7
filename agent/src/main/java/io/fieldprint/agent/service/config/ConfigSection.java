package io.fieldprint.agent.service.config;

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

  /** A list of non-empty strings; absent means empty. */
  List<String> texts(String key) {
    if (!has(key)) {
      return List.of();
    }
    JsonNode value = node.get(key);
    if (!value.isArray()) {
      problems.add(qualified(key) + ": must be a list");
      return List.of();
    }
    List<String> out = new java.util.ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual() || item.asText().isBlank()) {
        problems.add(qualified(key) + ": every entry must be a non-empty string");
      } else {
        out.add(item.asText());
      }
    }
    return List.copyOf(out);
  }

  /** A list of whole numbers; absent means {@code fallback}. */
  List<Integer> integers(String key, List<Integer> fallback) {
    if (!has(key)) {
      return fallback;
    }
    JsonNode value = node.get(key);
    if (!value.isArray()) {
      problems.add(qualified(key) + ": must be a list");
      return fallback;
    }
    List<Integer> out = new java.util.ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isIntegralNumber()) {
        problems.add(qualified(key) + ": every entry must be a whole number");
      } else {
        out.add(item.asInt());
      }
    }
    return List.copyOf(out);
  }

  /** A duration such as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} within bounds. */
  java.time.Duration duration(
      String key, java.time.Duration fallback, java.time.Duration min, java.time.Duration max) {
    if (!has(key)) {
      return fallback;
    }
    String text = node.get(key).asText().strip();
    java.util.Optional<java.time.Duration> d = DurationText.parse(text);
    if (d.isEmpty()) {
      problems.add(
          qualified(key) + ": must be a number with ms, s, m or h, e.g. 5m (was " + text + ")");
      return fallback;
    }
    if (d.get().compareTo(min) < 0 || d.get().compareTo(max) > 0) {
      problems.add(
          qualified(key)
              + ": must be between "
              + DurationText.format(min)
              + " and "
              + DurationText.format(max)
              + " (was "
              + text
              + ")");
      return fallback;
    }
    return d.get();
  }

  boolean flag(String key, boolean fallback) {
    if (!has(key)) {
      return fallback;
    }
    JsonNode value = node.get(key);
    if (!value.isBoolean()) {
      problems.add(qualified(key) + ": must be true or false");
      return fallback;
    }
    return value.asBoolean();
  }

  int integer(String key, int fallback, int min, int max) {
    return (int) number(key, fallback, min, max);
  }

  void problem(String key, String message) {
    problems.add(qualified(key) + ": " + message);
  }

  String qualified(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
