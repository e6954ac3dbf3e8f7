package io.fieldprint.advisories.match;

import io.fieldprint.advisories.csaf.Branch;
import io.fieldprint.advisories.version.Constraint;
import io.fieldprint.advisories.version.VersComparator;
import io.fieldprint.advisories.version.VersionComparison;
import io.fieldprint.advisories.version.VersionComparison.Verdict;
import io.fieldprint.advisories.version.VersionRange;
import io.fieldprint.advisories.version.VersionRange.AllVersions;
import io.fieldprint.protocols.decode.Parsed;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /**
   * A version written into the product name ("RTU500 series CMU Firmware Version 12.4"): CISA
   * sometimes puts the affected release there and gives the leaf {@code vers:all/*}.
   */
  private static final Pattern NAMED_VERSION =
      Pattern.compile("(?i)\\b(?:firmware )?versions? (v?\\d{1,6}(?:\\.\\d{1,6}){1,4})\\s*$");

  private static final Pattern REMARK = Pattern.compile("^(.+?)\\s*\\(([^()]{1,120})\\)\\s*$");

  /** Compares the device's firmware with the product's version leaf; never throws. */
  static VersionRule evaluate(Branch leaf, String firmware) {
    return evaluate(leaf, null, firmware, VersionRange::parse);
  }

  /**
   * Compares the device's firmware with the product's version leaf; when the leaf means all
   * versions but the product name ends with "Version X", the release X is the rule. Never throws.
   */
  static VersionRule evaluate(Branch leaf, String productName, String firmware) {
    return evaluate(leaf, productName, firmware, VersionRange::parse);
  }

  /**
   * One advisory product's rule, prepared for many devices: the version texts it parses (at most
   * three: the leaf, the leaf without a remark, the release the name names) are parsed once.
   * Thread-safe.
   */
  static final class Prepared {
    private final Branch leaf;
    private final String productName;
    private final Map<String, Parsed<VersionRange>> parsed = new ConcurrentHashMap<>();

    Prepared(Branch leaf, String productName) {
      this.leaf = leaf;
      boolean names = productName != null && NAMED_VERSION.matcher(productName.strip()).find();
      this.productName = names ? productName : null;
    }

    /** {@link VersionRule#evaluate(Branch, String, String)} for this product's leaf and name. */
    VersionRule evaluate(String firmware) {
      return VersionRule.evaluate(
          leaf, productName, firmware, text -> parsed.computeIfAbsent(text, VersionRange::parse));
    }
  }

  private static VersionRule evaluate(
      Branch leaf,
      String productName,
      String firmware,
      Function<String, Parsed<VersionRange>> parse) {
    Matcher named = productName == null ? null : NAMED_VERSION.matcher(productName.strip());
    if (leaf != null && named != null && named.find()) {
      Parsed<VersionRange> all = parse.apply(leaf.name().strip());
      if (all instanceof Parsed.Ok<VersionRange> ok && ok.value() instanceof AllVersions) {
        VersionRule rule =
            evaluate(new Branch(leaf.category(), "=" + named.group(1)), null, firmware, parse);
        return new VersionRule(
            leaf.name().strip(),
            rule.range(),
            firmware,
            rule.verdict(),
            "the product name names release " + named.group(1) + ": " + rule.reason(),
            rule.fixedVersion());
      }
    }
    if (leaf == null) {
      return new VersionRule(
          null, null, firmware, Verdict.UNKNOWN, "the advisory product gives no version", null);
    }
    String text = leaf.name().strip();
    Parsed<VersionRange> parsed = parse.apply(text);
    if (!(parsed instanceof Parsed.Ok<VersionRange> ok)) {
      VersionRule narrowed = narrowed(leaf.category(), text, firmware, parse);
      if (narrowed != null) {
        return narrowed;
      }
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

  /**
   * A range followed by a remark in parentheses ("<= 2.0.0.10 (RES670 2.0.0.4 and prior)", "(if
   * P6E5000 is installed)", "(excluding 9.4.2.6)"): such remarks only narrow the range, so a
   * version outside it is not affected and one inside it is undecided. {@code null} when the text
   * without the remark does not parse either.
   */
  private static VersionRule narrowed(
      String category, String text, String firmware, Function<String, Parsed<VersionRange>> parse) {
    Matcher remark = REMARK.matcher(text);
    if (!remark.matches()) {
      return null;
    }
    VersionRule bare = evaluate(new Branch(category, remark.group(1)), null, firmware, parse);
    if (bare.range() == null) {
      return null;
    }
    Verdict verdict =
        bare.verdict() == Verdict.NOT_AFFECTED ? Verdict.NOT_AFFECTED : Verdict.UNKNOWN;
    String reason = bare.reason() + "; the advisory narrows the range: '" + remark.group(2) + "'";
    return new VersionRule(text, bare.range(), firmware, verdict, reason, bare.fixedVersion());
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
