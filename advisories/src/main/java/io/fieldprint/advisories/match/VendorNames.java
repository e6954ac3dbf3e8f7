package io.fieldprint.advisories.match;

import io.fieldprint.protocols.knowledge.KnowledgeFile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Canonical vendor keys for vendor strings as devices report them (Modbus VendorName, CIP vendor
 * table, OPC UA ManufacturerName, OUI organisations) and as advisories write them (CSAF {@code
 * vendor} branches). A key is lower case, blank-separated, without punctuation or legal-form
 * suffixes, mapped through {@code config/knowledge/vendor-aliases.tsv}.
 */
public final class VendorNames {
  /** Longest vendor string considered; longer input is cut. */
  static final int MAX_LENGTH = 256;

  private static final String RESOURCE = "/io/fieldprint/knowledge/vendor-aliases.tsv";
  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "ag",
          "gmbh",
          "mbh",
          "inc",
          "incorporated",
          "llc",
          "co",
          "ltd",
          "limited",
          "sa",
          "se",
          "corp",
          "corporation",
          "company",
          "plc",
          "kg",
          "spa",
          "oy",
          "ab",
          "bv",
          "nv",
          "pvt");
  private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}&+]+");
  private static final Pattern COMPOSITE = Pattern.compile(",\\s*(?:and\\s+)?|\\s+and\\s+");
  private static final Map<String, String> ALIASES =
      KnowledgeFile.load(RESOURCE, VendorNames::read);

  private VendorNames() {}

  /** The canonical key of a vendor string; empty for {@code null} or blank input. */
  public static String normalise(String vendor) {
    String key = clean(vendor);
    return ALIASES.getOrDefault(key, key);
  }

  /**
   * The canonical keys an advisory's vendor string names: one for a known alias or a single name,
   * several for composites such as "ABB, Phoenix Contact, Schneider Electric, Siemens, and WAGO".
   */
  public static Set<String> candidates(String vendor) {
    String whole = clean(vendor);
    if (whole.isEmpty()) {
      return Set.of();
    }
    String key = ALIASES.getOrDefault(whole, whole);
    if (ALIASES.containsKey(whole)) {
      return Set.of(key);
    }
    Set<String> parts = new LinkedHashSet<>();
    for (String part : COMPOSITE.split(repair(vendor))) {
      String partKey = normalise(part);
      if (!partKey.isEmpty() && !isLegalForm(partKey)) {
        parts.add(partKey);
      }
    }
    return parts.size() > 1 ? Set.copyOf(parts) : Set.of(key);
  }

  /** Case, blanks, mojibake, punctuation and legal-form suffixes removed; no alias lookup. */
  static String clean(String vendor) {
    if (vendor == null) {
      return "";
    }
    String text = repair(vendor);
    text = PARENTHESES.matcher(text).replaceAll(" ");
    text = NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    List<String> tokens = new ArrayList<>(List.of(text.split(" ")));
    while (tokens.size() > 1 && isLegalForm(tokens.get(tokens.size() - 1))) {
      tokens.remove(tokens.size() - 1);
      if (tokens.size() > 1 && tokens.get(tokens.size() - 1).equals("&")) {
        tokens.remove(tokens.size() - 1);
      }
    }
    return String.join(" ", tokens);
  }

  private static boolean isLegalForm(String token) {
    return LEGAL_FORMS.contains(token);
  }

  /** Cuts, NFKC-normalises and re-decodes UTF-8 that was read as Latin-1 ("GeutebrÃ¼ck"). */
  static String repair(String vendor) {
    String text = vendor.length() > MAX_LENGTH ? vendor.substring(0, MAX_LENGTH) : vendor;
    if (text.indexOf('Ã') >= 0 || text.indexOf('Â') >= 0) {
      byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
      String decoded = new String(bytes, StandardCharsets.UTF_8);
      if (decoded.indexOf('\uFFFD') < 0) {
        text = decoded;
      }
    }
    return Normalizer.normalize(text, Normalizer.Form.NFKC);
  }

  private static Map<String, String> read(java.io.InputStream in) throws java.io.IOException {
    Map<String, String> out = new LinkedHashMap<>();
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      if (cols.length != 2) {
        throw new IllegalStateException("vendor-aliases.tsv: expected 2 columns: " + line);
      }
      String canonical = clean(cols[0]);
      out.put(canonical, canonical);
      out.put(clean(cols[1]), canonical);
    }
    return Map.copyOf(out);
  }
}
