package io.fieldprint.advisories.match;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Order numbers and model numbers: normalisation (Siemens MLFB {@code 6ES7 315-2EH14-0AB0} = {@code
 * 6ES7315-2EH14-0AB0}), extraction from product-name text and CSAF wildcard matching ({@code ?} one
 * character, {@code *} any run).
 */
final class ModelNumbers {
  /** Longest model number considered. */
  static final int MAX_LENGTH = 64;

  private static final Pattern BLANKS = Pattern.compile("\\s+");
  private static final Pattern MLFB =
      Pattern.compile("\\b6[A-Z]{2}\\d\\s?\\d{3}-\\d[A-Z0-9]{4}(?:-\\d[A-Z0-9]{3})?\\b");
  private static final Pattern PARENTHESES = Pattern.compile("\\(([^)]{3,80})\\)");
  private static final Pattern PART_NUMBERS =
      Pattern.compile("(?i)^(?:part|order|article|model) (?:numbers?|no\\.?) ");

  /** Placeholders vendors write for "any character": Omron's {@code □} and {@code []}. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\u25a1|\\[\\]");

  /**
   * A list of model numbers sharing a prefix and a suffix, or one with an optional part:
   * Mitsubishi's {@code R04/08/16/32/120(EN)CPU} (R04CPU, R04ENCPU ... R120ENCPU) and {@code
   * R04(EN)CPU}, GE's {@code CPE305/310}.
   */
  private static final Pattern NUMBER_LIST =
      Pattern.compile(
          "\\b([A-Z]{1,4})(\\d{1,4}(?:/\\d{1,4}){0,9})\\s?(?:\\(([A-Z]{1,4})\\)\\s?)?(-?[A-Z][A-Z0-9.-]{0,10})?\\b");

  private static final Pattern AROUND_PLACEHOLDER = Pattern.compile("\\s*([?*-])\\s*");

  private ModelNumbers() {}

  /** Upper case, blanks removed; empty for {@code null}, blank or over-long input. */
  static String normalise(String model) {
    if (model == null) {
      return "";
    }
    String out = BLANKS.matcher(model).replaceAll("").toUpperCase(Locale.ROOT);
    return out.length() > MAX_LENGTH ? "" : out;
  }

  /**
   * Model numbers written into an advisory product name: MLFBs anywhere, tokens with placeholders
   * ({@code CJ2M-CPU □ □}, {@code CJ2M-CPU[][]}, {@code CJ2M-CPU**}), and a parenthesised token
   * that looks like a part number ({@code (6ES7516-3AN01-0AB0)}, {@code (part numbers BMXP34*)}).
   */
  static List<String> inName(String name) {
    Set<String> out = new LinkedHashSet<>();
    Matcher mlfb = MLFB.matcher(name);
    while (mlfb.find()) {
      out.add(normalise(mlfb.group()));
    }
    out.addAll(numberLists(name));
    String placeholders = PLACEHOLDER.matcher(name).replaceAll("?");
    placeholders = AROUND_PLACEHOLDER.matcher(placeholders).replaceAll("$1");
    for (String token : placeholders.split("\\s+")) {
      if ((token.contains("?") || token.contains("*")) && literals(token) >= 4) {
        out.add(normalise(token));
      }
    }
    Matcher paren = PARENTHESES.matcher(name);
    while (paren.find()) {
      String inner = PART_NUMBERS.matcher(paren.group(1).strip()).replaceFirst("");
      if (looksLikePartNumber(inner)) {
        out.add(normalise(inner));
      }
    }
    return new ArrayList<>(out);
  }

  private static List<String> numberLists(String name) {
    List<String> out = new ArrayList<>();
    Matcher list = NUMBER_LIST.matcher(name);
    while (list.find()) {
      String suffix = list.group(4) == null ? "" : list.group(4);
      boolean bare = list.group(3) == null && suffix.isEmpty();
      if ((!list.group(2).contains("/") && list.group(3) == null)
          || (bare && list.group(1).length() < 2)) {
        continue;
      }
      for (String number : list.group(2).split("/")) {
        out.add(list.group(1) + number + suffix);
        if (list.group(3) != null) {
          out.add(list.group(1) + number + list.group(3) + suffix);
        }
      }
    }
    return out;
  }

  /** Whether a normalised model looks like an order number: letters and digits, 6+ characters. */
  static boolean isOrderNumber(String model) {
    return model.length() >= 6
        && model.chars().anyMatch(Character::isDigit)
        && model.chars().anyMatch(Character::isLetter);
  }

  private static int literals(String token) {
    return (int) token.chars().filter(Character::isLetterOrDigit).count();
  }

  private static boolean looksLikePartNumber(String text) {
    String t = text.strip();
    return !t.contains(" ")
        && t.length() >= 6
        && t.chars().anyMatch(Character::isDigit)
        && t.chars().anyMatch(Character::isLetter)
        && !t.matches("(?i)v?\\d+(\\.\\d+)+.*");
  }

  /**
   * A CSAF {@code model_numbers} entry as a prefix pattern: the standard lets a partial model
   * number start at the first character and stop anywhere ({@code 6ES7516} stands for every
   * 6ES7516-...).
   */
  static String partial(String helperModel) {
    return helperModel.endsWith("*") ? helperModel : helperModel + "*";
  }

  /**
   * Whether a device's normalised model equals an advisory's model number pattern ({@code ?} and
   * {@code *} wildcards, blanks ignored). A pattern of wildcards alone never matches.
   */
  static boolean matches(String pattern, String deviceModel) {
    return Wildcard.of(pattern).matches(deviceModel);
  }

  /**
   * An advisory model number pattern compiled once.
   *
   * @param pattern the pattern as compared
   * @param regex the compiled pattern, or {@code null} when it can never match (under 4 literal
   *     characters)
   * @param prefix the normalised pattern up to its first wildcard: every model it matches starts
   *     with it
   */
  record Wildcard(String pattern, Pattern regex, String prefix, String glob) {
    static Wildcard of(String pattern) {
      String p = normalise(pattern);
      if (p.isEmpty() || p.replace("*", "").replace("?", "").length() < 4) {
        return new Wildcard(pattern, null, "", "");
      }
      StringBuilder regex = new StringBuilder();
      int prefix = -1;
      for (int i = 0; i < p.length(); i++) {
        char c = p.charAt(i);
        if (c == '*' || c == '?') {
          prefix = prefix < 0 ? i : prefix;
          regex.append(c == '*' ? ".*" : ".");
        } else {
          regex.append(Pattern.quote(String.valueOf(c)));
        }
      }
      return new Wildcard(
          pattern, Pattern.compile(regex.toString()), prefix < 0 ? p : p.substring(0, prefix), p);
    }

    /**
     * Whether a device's normalised model matches: by {@link #glob} without a regex, except for the
     * rare model with a line terminator (which a regex {@code .} does not match) or a surrogate
     * pair (which it matches as one character).
     */
    boolean matches(String deviceModel) {
      return matches(deviceModel, isPlain(deviceModel));
    }

    /** {@link #matches(String)} for a model whose {@link #isPlain} is known. */
    boolean matches(String deviceModel, boolean plain) {
      if (regex == null || deviceModel.isEmpty()) {
        return false;
      }
      return plain ? glob(glob, deviceModel) : regex.matcher(deviceModel).matches();
    }

    /** {@code ?} one character, {@code *} any run, anything else itself; the whole text. */
    private static boolean glob(String pattern, String text) {
      int p = 0;
      int t = 0;
      int star = -1;
      int resume = 0;
      while (t < text.length()) {
        char c = p < pattern.length() ? pattern.charAt(p) : 0;
        if (p < pattern.length() && (c == '?' || (c != '*' && c == text.charAt(t)))) {
          p++;
          t++;
        } else if (p < pattern.length() && c == '*') {
          star = p++;
          resume = t;
        } else if (star >= 0) {
          p = star + 1;
          t = ++resume;
        } else {
          return false;
        }
      }
      while (p < pattern.length() && pattern.charAt(p) == '*') {
        p++;
      }
      return p == pattern.length();
    }

    /**
     * Whether the glob gives what the regex gives for this text: no line terminator nor surrogate.
     */
    static boolean isPlain(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n'
            || c == '\r'
            || c == '\u0085'
            || c == '\u2028'
            || c == '\u2029'
            || Character.isSurrogate(c)) {
          return false;
        }
      }
      return true;
    }
  }
}
