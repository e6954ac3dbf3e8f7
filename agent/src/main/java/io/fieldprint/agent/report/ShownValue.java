package io.fieldprint.agent.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the report writes one value: unknown as a dash, long values cut, times in UTC. */
final class ShownValue {
  static final String UNKNOWN = "\u2014";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private ShownValue() {}

  /** The text, cut to {@code max} characters with "…", or a dash when absent or blank. */
  static String of(String text, int max) {
    if (text == null || text.isBlank()) {
      return UNKNOWN;
    }
    return text.length() <= max ? text : text.substring(0, max) + "\u2026";
  }

  /** A time in UTC, or a dash. */
  static String time(Instant t) {
    return t == null ? UNKNOWN : TIME.format(t);
  }

  /** A decoded value (string, number, list, map) as compact JSON, cut to {@code max}. */
  static String json(Object value, int max) {
    if (value instanceof String s) {
      return of(s, max);
    }
    try {
      return of(MAPPER.writeValueAsString(value), max);
    } catch (JsonProcessingException e) {
      return of(String.valueOf(value), max);
    }
  }

  /** A score with one decimal, or a dash. */
  static String score(Double d) {
    return d == null ? UNKNOWN : String.format(Locale.ROOT, "%.1f", d);
  }

  /** A probability as a percentage, or a dash. */
  static String percent(Double d) {
    return d == null ? UNKNOWN : String.format(Locale.ROOT, "%.1f%%", d * 100);
  }
}
