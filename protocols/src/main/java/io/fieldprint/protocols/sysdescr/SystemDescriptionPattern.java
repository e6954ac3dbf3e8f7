package io.fieldprint.protocols.sysdescr;

import io.fieldprint.protocols.model.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of {@code system-descriptions.json}: a regular expression whose named groups ({@code
 * vendor}, {@code product}, {@code model}, {@code firmware}, {@code hardware}, {@code serial})
 * extract identity, plus fixed values used when a group is absent or did not participate.
 *
 * @param id stable id
 * @param pattern compiled expression, matched from the start of the text
 * @param groups the named groups the expression defines
 * @param fixed fixed values by field name
 * @param role role the pattern implies, or {@code null}
 * @param source where the pattern and its examples come from
 * @param examples example texts with the values they must yield
 */
public record SystemDescriptionPattern(
    String id,
    Pattern pattern,
    Set<String> groups,
    Map<String, String> fixed,
    Role role,
    String source,
    List<Example> examples) {

  /** Field names a pattern may fill. */
  public static final List<String> FIELDS =
      List.of("vendor", "product", "model", "firmware", "hardware", "serial");

  /**
   * An example text and what it must yield.
   *
   * @param text the description as the device sends it
   * @param expect expected field values (fields not listed must be absent)
   */
  public record Example(String text, Map<String, String> expect) {}

  /** The description extracted from {@code text}, or {@code null} when the pattern fails. */
  SystemDescription match(CharSequence text) {
    Matcher m = pattern.matcher(text);
    if (!m.lookingAt()) {
      return null;
    }
    return new SystemDescription(
        id,
        value(m, "vendor"),
        value(m, "product"),
        value(m, "model"),
        value(m, "firmware"),
        value(m, "hardware"),
        value(m, "serial"),
        role);
  }

  private String value(Matcher m, String field) {
    String v = null;
    if (groups.contains(field)) {
      v = m.group(field);
    }
    if (v == null || v.isBlank()) {
      v = fixed.get(field);
    }
    return v == null || v.isBlank() ? null : v.strip();
  }
}
