package io.fieldprint.advisories.match;

import io.fieldprint.advisories.csaf.Branch;
import io.fieldprint.advisories.version.Constraint;
import io.fieldprint.advisories.version.VersComparator;
import io.fieldprint.advisories.version.VersionComparison;
import io.fieldprint.advisories.version.VersionComparison.Verdict;
import io.fieldprint.advisories.version.VersionRange;
import io.fieldprint.protocols.decode.Parsed;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An advisory product's version rule and how the device's firmware compared with it.
 *
 * @param text the version leaf as the advisory wrote it, or {@code null} when it gives none
 * @param range the parsed range as vers-like constraints, or {@code null} when it did not parse
 * @param firmware the device's firmware as reported, or {@code null}
 * @param verdict the comparison result
 * @param reason why
 * @param fixedVersion the range's {@code <} upper bound (the first fixed version), or {@code null}
 */
public record VersionRule(
    String text,
    String range,
    String firmware,
    Verdict verdict,
    String reason,
    String fixedVersion) {

  /** Compares the device's firmware with the product's version leaf; never throws. */
  static VersionRule evaluate(Branch leaf, String firmware) {
    if (leaf == null) {
      return new VersionRule(
          null, null, firmware, Verdict.UNKNOWN, "the advisory product gives no version", null);
    }
    String text = leaf.name().strip();
    Parsed<VersionRange> parsed = VersionRange.parse(text);
    if (!(parsed instanceof Parsed.Ok<VersionRange> ok)) {
      String why = ((Parsed.Malformed<VersionRange>) parsed).reason();
      return new VersionRule(
          text, null, firmware, Verdict.UNKNOWN, "version rule not understood: " + why, null);
    }
    VersionRange range = ok.value();
    String fixed = fixedVersion(range);
    String rangeText = describe(range);
    if (firmware == null || firmware.isBlank()) {
      return new VersionRule(
          text, rangeText, firmware, Verdict.UNKNOWN, "the device reports no firmware", fixed);
    }
    VersionComparison c = range.contains(firmware);
    return new VersionRule(text, rangeText, firmware, c.verdict(), c.reason(), fixed);
  }

  private static String describe(VersionRange range) {
    if (range instanceof VersionRange.Constraints c) {
      return String.join(" | ", c.constraints().stream().map(Constraint::toString).toList());
    }
    return "all versions";
  }

  private static String fixedVersion(VersionRange range) {
    if (!(range instanceof VersionRange.Constraints c)) {
      return null;
    }
    String fixed = null;
    for (Constraint constraint : c.constraints()) {
      if (constraint.comparator() == VersComparator.LESS) {
        fixed = constraint.bound().toString();
      }
    }
    return fixed;
  }

  /** The JSON object written as {@code versionRule}. */
  Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("text", text);
    out.put("range", range);
    out.put("firmware", firmware);
    out.put("result", verdict.name().toLowerCase(java.util.Locale.ROOT));
    out.put("reason", reason);
    return out;
  }
}
