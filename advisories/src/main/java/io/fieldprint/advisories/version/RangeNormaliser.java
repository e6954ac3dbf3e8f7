package io.fieldprint.advisories.version;

import io.fieldprint.protocols.decode.Parsed;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the range forms found in advisories into a list of vers constraints. Each rewrite is a
 * whole-string pattern for one documented form; anything else is left for the constraint parser,
 * which gives a reason instead of guessing.
 */
final class RangeNormaliser {
  /** Longest range text accepted. */
  static final int MAX_LENGTH = 512;

  /** Most constraints in one range. */
  static final int MAX_CONSTRAINTS = 64;

  private static final Pattern ALL = Pattern.compile("(?i)(?:all(?: versions?)?|\\*)");
  private static final String[][] REWRITES = {
    {"(?i)^all versions?\\s*(?=\\S)", ""},
    {"^[0-9A-Z][0-9A-Z-]{4,}\\s+(?:\\([^)]{1,40}\\)\\s+)?(?i:versions?)\\s+(?=\\S)", ""},
    {"(?i)\\s*\\(only affected by [^)]{1,80}\\)\\s*$", ""},
    {"(?i)^versions?\\s+(?=\\S)", ""},
    {"(?i)^(.+?)[\\s_]+up[\\s_]+to[\\s_]+and[\\s_]+including[\\s_]+(.+)$", "$1|<=$2"},
    {"(?i)^between (\\S+) \\(including\\) and (\\S+) \\(excluding\\)$", ">=$1|<$2"},
    {"(?i)^(?:prior to|before|earlier than|below) (.+)$", "<$1"},
    {"(?i)^(.+?),? (?:and|or) (?:earlier|prior|before|below|older|lower)$", "<=$1"},
    {"(?i)^(.+?),? (?:and|or) (?:later|above|newer|higher|greater)$", ">=$1"},
    {"(?i)^(.+?) (?:to|through|until) (.+)$", ">=$1|<=$2"},
    {"(?i)\\s*(?:,|\\band\\b)\\s*", "|"},
  };
  private static final Pattern CONSTRAINT = Pattern.compile("^(<=|>=|!=|<|>|=)?\\s*(.+)$");
  private static final Pattern CONSTRAINT_START = Pattern.compile("^(<=|>=|!=|<|>|=)");
  private static final Pattern GLUED = Pattern.compile("(?<=[^<>=!\\s])\\s*(?=[<>!=])");
  private static final Pattern HYPHEN_RANGE = Pattern.compile("^([^<>=!\\s]+?)\\s*-\\s*(\\S+)$");

  private RangeNormaliser() {}

  static Parsed<VersionRange> parse(String text) {
    if (text == null || text.isBlank()) {
      return Parsed.malformed("empty range");
    }
    if (text.length() > MAX_LENGTH) {
      return Parsed.malformed("range longer than " + MAX_LENGTH + " characters");
    }
    String original = text.strip();
    String body = original.replaceAll("\\s+", " ");
    if (body.regionMatches(true, 0, "vers:", 0, 5)) {
      int slash = body.indexOf('/');
      if (slash < 0) {
        return Parsed.malformed("vers string without '/' in '" + original + "'");
      }
      body = body.substring(slash + 1).strip();
    }
    if (ALL.matcher(body).matches()) {
      return Parsed.ok(new VersionRange.AllVersions(original));
    }
    for (String[] rewrite : REWRITES) {
      body = body.replaceAll(rewrite[0], rewrite[1]);
    }
    return constraints(original, body);
  }

  /**
   * Splits on {@code |}; splits {@code >=V7.80<V9.40} (comparators without a pipe) only when the
   * part starts with a comparator, because {@code 16 <= 20} has no single reading. Problems come
   * back as a part starting with {@code !}.
   */
  private static List<String> parts(String body) {
    List<String> out = new ArrayList<>();
    for (String part : body.split("\\|")) {
      String p = hyphenRange(part.strip());
      if (p.isEmpty()) {
        continue;
      }
      boolean glued = GLUED.matcher(p).find();
      if (glued && !CONSTRAINT_START.matcher(p).find()) {
        return List.of("!a version followed by a comparator has no single reading");
      }
      for (String piece : GLUED.matcher(p).replaceAll("|").split("\\|")) {
        if (!piece.isBlank()) {
          out.add(piece.strip());
        }
      }
    }
    return out;
  }

  /**
   * {@code 12.0.1-12.0.13} and {@code 28 - 32} are ranges when both ends have as many segments and
   * the first is lower; otherwise the hyphen is part of a version ({@code 2.03-00}, {@code
   * 1-02-08}).
   */
  private static String hyphenRange(String part) {
    Matcher m = HYPHEN_RANGE.matcher(part);
    if (!m.matches()) {
      return part;
    }
    Parsed<FirmwareVersion> low = FirmwareVersion.parse(m.group(1));
    Parsed<FirmwareVersion> high = FirmwareVersion.parse(m.group(2));
    if (low instanceof Parsed.Ok<FirmwareVersion> a
        && high instanceof Parsed.Ok<FirmwareVersion> b
        && a.value().numbers().size() == b.value().numbers().size()
        && VersionOrder.of(a.value(), b.value()).sign() < 0) {
      return ">=" + m.group(1) + "|<=" + m.group(2);
    }
    return m.group(1) + "-" + m.group(2);
  }

  private static Parsed<VersionRange> constraints(String original, String body) {
    List<Constraint> constraints = new ArrayList<>();
    for (String p : parts(body)) {
      if (p.startsWith("!")) {
        return Parsed.malformed(p.substring(1) + " in '" + original + "'");
      }
      if (constraints.size() == MAX_CONSTRAINTS) {
        return Parsed.malformed("more than " + MAX_CONSTRAINTS + " constraints");
      }
      Matcher m = CONSTRAINT.matcher(p);
      if (!m.matches()) {
        return Parsed.malformed("unrecognised constraint '" + p + "'");
      }
      Parsed<Bound> bound = Bound.parse(m.group(2));
      if (bound instanceof Parsed.Malformed<Bound> bad) {
        return Parsed.malformed("in '" + original + "': " + bad.reason());
      }
      VersComparator comparator = VersComparator.of(m.group(1));
      constraints.add(new Constraint(comparator, ((Parsed.Ok<Bound>) bound).value()));
    }
    if (constraints.isEmpty()) {
      return Parsed.malformed("no constraint in '" + original + "'");
    }
    return Parsed.ok(new VersionRange.Constraints(original, constraints));
  }
}
