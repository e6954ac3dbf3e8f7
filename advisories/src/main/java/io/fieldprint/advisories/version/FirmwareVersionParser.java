package io.fieldprint.advisories.version;

import io.fieldprint.protocols.decode.Parsed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns version text into a {@link FirmwareVersion}; input length is capped before any regex. */
final class FirmwareVersionParser {
  private static final Pattern PREFIX =
      Pattern.compile("^(?i)(?:firmware|version|ver\\.?|fw|sv|rev\\.?|v\\.?|r)[\\s_]*(?=\\d)");
  private static final Pattern CISCO =
      Pattern.compile("^(\\d{1,6})\\.(\\d{1,6})\\((\\d{1,6})([a-z]?)\\)([A-Z]{1,4})(\\d{0,6})$");
  private static final Pattern GENERAL =
      Pattern.compile(
          "^(\\d{1,18}(?:[._-]\\d{1,18}){0,9})(?:\\((\\d{1,6})\\))?([A-Za-z]{1,2})?"
              + "(?:[-.]?((?i:alpha|beta|rc|pre|dev|snapshot)\\.?\\d{0,6}))?"
              + "((?:\\s*(?i:sp|hf|update|upd|patch|build|hotfix|servicepack)\\s*\\.?\\s*\\d{1,18})*)$");
  private static final Pattern QUALIFIER = Pattern.compile("([A-Za-z]+)\\s*\\.?\\s*(\\d{1,18})");
  private static final Pattern DATE = Pattern.compile("^(?:19|20)\\d\\d-\\d{1,2}-\\d{1,2}$");
  private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");
  private static final Pattern ENCLOSED = Pattern.compile("^\\((.+)\\)$");

  private FirmwareVersionParser() {}

  static Parsed<FirmwareVersion> parse(String text) {
    if (text == null || text.isBlank()) {
      return Parsed.malformed("empty version");
    }
    String trimmed = text.strip();
    if (trimmed.length() > FirmwareVersion.MAX_LENGTH) {
      return Parsed.malformed("version longer than " + FirmwareVersion.MAX_LENGTH + " characters");
    }
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return Parsed.malformed("non-ASCII or control character in version '" + trimmed + "'");
      }
    }
    String body = trimmed.replaceAll("\\s+", " ");
    Matcher enclosed = ENCLOSED.matcher(body);
    if (enclosed.matches()) {
      body = enclosed.group(1).strip();
    }
    body = stripPrefixes(body);
    Matcher cisco = CISCO.matcher(body);
    if (cisco.matches()) {
      return Parsed.ok(cisco(trimmed, cisco));
    }
    if (DATE.matcher(body).find()) {
      return Parsed.malformed("a date, not a version: '" + trimmed + "'");
    }
    Matcher general = GENERAL.matcher(body);
    if (general.matches()) {
      return Parsed.ok(general(trimmed, general));
    }
    return Parsed.malformed(explain(trimmed, body));
  }

  private static String stripPrefixes(String body) {
    String out = body;
    for (int i = 0; i < 3; i++) {
      Matcher m = PREFIX.matcher(out);
      if (!m.find()) {
        break;
      }
      out = out.substring(m.end());
    }
    return out;
  }

  private static FirmwareVersion cisco(String original, Matcher m) {
    List<Long> numbers =
        List.of(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
    long rebuild = m.group(6).isEmpty() ? 0 : Long.parseLong(m.group(6));
    return new FirmwareVersion(original, numbers, m.group(4), "", List.of(), m.group(5), rebuild);
  }

  private static FirmwareVersion general(String original, Matcher m) {
    List<Long> numbers = new ArrayList<>();
    Matcher n = NUMBER.matcher(m.group(1));
    while (n.find()) {
      numbers.add(Long.parseLong(n.group()));
    }
    List<Qualifier> qualifiers = new ArrayList<>();
    Matcher q = QUALIFIER.matcher(m.group(5));
    while (q.find()) {
      qualifiers.add(new Qualifier(Qualifier.Kind.of(q.group(1)), Long.parseLong(q.group(2))));
    }
    if (m.group(2) != null) {
      qualifiers.add(new Qualifier(Qualifier.Kind.LEVEL, Long.parseLong(m.group(2))));
    }
    String suffix = m.group(3) == null ? "" : m.group(3);
    String pre = m.group(4) == null ? "" : m.group(4).toLowerCase(Locale.ROOT);
    return new FirmwareVersion(original, numbers, suffix, pre, qualifiers, "", 0);
  }

  private static String explain(String original, String body) {
    if (body.isEmpty() || !Character.isDigit(body.charAt(0))) {
      return "no numeric version in '" + original + "'";
    }
    return "unrecognised text in version '" + original + "'";
  }
}
