package io.fieldprint.advisories.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Lenient reads of CSAF members: wrong types read as absent, never as an exception. */
final class JsonFields {
  private JsonFields() {}

  /** The member's text, or {@code ""} when it is absent or not a string. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.textValue() : "";
  }

  /** The member's strings (non-strings skipped), or an empty list. */
  static List<String> texts(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode value : node.path(field)) {
      if (value.isTextual()) {
        out.add(value.textValue());
      }
    }
    return List.copyOf(out);
  }

  /** A CSAF date-time, or {@code null} after adding a problem when it is present but invalid. */
  static Instant dateTime(JsonNode node, String field, String where, Problems problems) {
    String text = text(node, field);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      problems.add(where + "." + field + " is not a date-time: '" + text + "'");
      return null;
    }
  }

  /** The member as a number, or {@code NaN}. */
  static double number(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNumber() ? value.doubleValue() : Double.NaN;
  }
}
