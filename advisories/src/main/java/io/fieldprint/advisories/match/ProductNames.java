package io.fieldprint.advisories.match;

import java.util.ArrayList;
import java.util.HashSet;
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

  private ProductNames() {}

  /** Why the names match, or {@code null} when they do not. */
  static String match(String device, String advisory) {
    List<String> deviceTokens = significant(tokens(device));
    if (deviceTokens.isEmpty()) {
      return null;
    }
    List<String> advisoryTokens = tokens(advisory);
    boolean series = advisoryTokens.contains("series");
    int first = Integer.MAX_VALUE;
    for (String token : deviceTokens) {
      int at = indexOf(advisoryTokens, token, series);
      if (at < 0) {
        return null;
      }
      first = Math.min(first, at);
    }
    Set<String> deviceSet = new HashSet<>(deviceTokens);
    if (series) {
      deviceTokens.forEach(
          t -> deviceSet.add(advisoryTokens.get(indexOf(advisoryTokens, t, true))));
    }
    for (int i = 0; i < advisoryTokens.size(); i++) {
      String token = advisoryTokens.get(i);
      if (isGeneric(token) || deviceSet.contains(token)) {
        continue;
      }
      if (i > first || VARIANT_MARKERS.contains(token)) {
        return null;
      }
    }
    return "product name tokens " + deviceTokens + " found in '" + advisory.strip() + "'";
  }

  /**
   * Where a device token is in the advisory's tokens: equal, named in a number list ({@code
   * eagle30} in "EAGLE20/30"), or, when the advisory names a "Series", a device model of that
   * series ({@code eds-510e-3gtxsfp} in "EDS-510E Series").
   */
  private static int indexOf(List<String> advisoryTokens, String token, boolean series) {
    int at = advisoryTokens.indexOf(token);
    if (at >= 0) {
      return at;
    }
    for (int i = 0; i < advisoryTokens.size(); i++) {
      String a = advisoryTokens.get(i);
      if (series && !isGeneric(a) && a.length() >= 4 && token.startsWith(a + "-")) {
        return i;
      }
      if (abbreviates(a, token)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean abbreviates(String advisoryToken, String token) {
    Matcher list = NUMBER_LIST.matcher(advisoryToken);
    if (!list.matches() || !token.startsWith(list.group(1))) {
      return false;
    }
    String number = token.substring(list.group(1).length());
    return List.of(list.group(2).split("/")).contains(number);
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

  private static List<String> significant(List<String> tokens) {
    return tokens.stream().filter(t -> !isGeneric(t)).toList();
  }

  private static boolean isGeneric(String token) {
    return GENERIC.contains(token) || token.matches("v\\d+(\\.\\d+)*|\\d+(\\.\\d+)+");
  }
}
