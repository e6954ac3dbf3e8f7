package io.fieldprint.advisories.match;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Product-name comparison on normalised tokens. A device name matches an advisory name when every
 * significant device token appears in the advisory name and the advisory adds significant tokens
 * only before them (brand and family words such as "SIMATIC S7-300"), never after (a more specific
 * product such as "CPU 1516-3 PN/DP" after "S7-1500"). Generic words never match on their own.
 */
final class ProductNames {
  /** Longest name considered. */
  static final int MAX_LENGTH = 256;

  private static final Set<String> GENERIC =
      Set.of(
          "cpu",
          "cpus",
          "firmware",
          "all",
          "versions",
          "version",
          "device",
          "devices",
          "module",
          "modules",
          "controller",
          "controllers",
          "plc",
          "running",
          "series",
          "family",
          "the",
          "and",
          "for",
          "with",
          "of",
          "software",
          "product",
          "products",
          "system",
          "hardware",
          "-",
          "/",
          "&");
  private static final Set<String> VARIANT_MARKERS = Set.of("siplus");
  private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s,;:\"'\u00a0]+");

  /** "EAGLE20/30": one name for EAGLE20 and EAGLE30. */
  private static final Pattern NUMBER_LIST = Pattern.compile("([a-z][a-z-]*)(\\d+(?:/\\d+)+)");

  private static final Pattern VERSION_TOKEN = Pattern.compile("v\\d+(\\.\\d+)*|\\d+(\\.\\d+)+");
  private static final Pattern SLASH = Pattern.compile("/");

  private ProductNames() {}

  /** Why the names match, or {@code null} when they do not. */
  static String match(String device, String advisory) {
    return match(significantTokens(device), Advisory.of(advisory));
  }

  /**
   * An advisory product name prepared once: its tokens, whether it names a "Series", which tokens
   * are generic and the number lists ("EAGLE20/30") its tokens spell out.
   */
  static final class Advisory {
    private final String text;
    private final List<String> tokens;
    private final boolean[] generic;
    private final List<List<String>> expanded;
    private final boolean series;

    private Advisory(String text) {
      this.text = text;
      this.tokens = tokens(text);
      this.generic = new boolean[tokens.size()];
      this.expanded = new ArrayList<>(tokens.size());
      for (int i = 0; i < tokens.size(); i++) {
        generic[i] = isGeneric(tokens.get(i));
        expanded.add(numberList(tokens.get(i)));
      }
      this.series = tokens.contains("series");
    }

    static Advisory of(String advisory) {
      return new Advisory(advisory);
    }

    /**
     * The lookup keys a device token must produce ({@link #lookupKeys(String)}) for this name to
     * contain it: every token and every name a number list stands for.
     */
    Set<String> keys() {
      Set<String> out = new LinkedHashSet<>(tokens);
      expanded.forEach(out::addAll);
      return out;
    }
  }

  /**
   * The keys under which an advisory name containing this device token is found: the token itself
   * and each of its prefixes before a '-' (a "Series" named by its prefix).
   */
  static List<String> lookupKeys(String deviceToken) {
    List<String> out = new ArrayList<>();
    out.add(deviceToken);
    for (int i = deviceToken.indexOf('-'); i > 0; i = deviceToken.indexOf('-', i + 1)) {
      out.add(deviceToken.substring(0, i));
    }
    return out;
  }

  /** Why the names match, or {@code null}: the device's significant tokens against a name. */
  static String match(List<String> deviceTokens, Advisory advisory) {
    if (deviceTokens.isEmpty()) {
      return null;
    }
    List<String> advisoryTokens = advisory.tokens;
    boolean series = advisory.series;
    int first = Integer.MAX_VALUE;
    for (String token : deviceTokens) {
      int at = indexOf(advisory, token, series);
      if (at < 0) {
        return null;
      }
      first = Math.min(first, at);
    }
    Set<String> deviceSet = new HashSet<>(deviceTokens);
    if (series) {
      deviceTokens.forEach(t -> deviceSet.add(advisoryTokens.get(indexOf(advisory, t, true))));
    }
    for (int i = 0; i < advisoryTokens.size(); i++) {
      String token = advisoryTokens.get(i);
      if (advisory.generic[i] || deviceSet.contains(token)) {
        continue;
      }
      if (i > first || VARIANT_MARKERS.contains(token)) {
        return null;
      }
    }
    return "product name tokens " + deviceTokens + " found in '" + advisory.text.strip() + "'";
  }

  /**
   * Where a device token is in the advisory's tokens: equal, named in a number list ({@code
   * eagle30} in "EAGLE20/30"), or, when the advisory names a "Series", a device model of that
   * series ({@code eds-510e-3gtxsfp} in "EDS-510E Series").
   */
  private static int indexOf(Advisory advisory, String token, boolean series) {
    List<String> advisoryTokens = advisory.tokens;
    int at = advisoryTokens.indexOf(token);
    if (at >= 0) {
      return at;
    }
    for (int i = 0; i < advisoryTokens.size(); i++) {
      String a = advisoryTokens.get(i);
      if (series && !advisory.generic[i] && a.length() >= 4 && token.startsWith(a + "-")) {
        return i;
      }
      if (advisory.expanded.get(i).contains(token)) {
        return i;
      }
    }
    return -1;
  }

  /** The names a number-list token stands for ("eagle20/30": eagle20, eagle30); else none. */
  private static List<String> numberList(String advisoryToken) {
    Matcher list = NUMBER_LIST.matcher(advisoryToken);
    if (!list.matches()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String number : SLASH.split(list.group(2))) {
      out.add(list.group(1) + number);
    }
    return out;
  }

  static List<String> tokens(String text) {
    if (text == null) {
      return List.of();
    }
    String cut = text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
    String bare = PARENTHESES.matcher(cut.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    List<String> out = new ArrayList<>();
    for (String token : SEPARATORS.split(bare)) {
      if (!token.isEmpty()) {
        out.add(token);
      }
    }
    return out;
  }

  /** The tokens of a device's product or model text that can identify it (not generic). */
  static List<String> significantTokens(String text) {
    return tokens(text).stream().filter(t -> !isGeneric(t)).toList();
  }

  private static boolean isGeneric(String token) {
    return GENERIC.contains(token) || VERSION_TOKEN.matcher(token).matches();
  }
}
