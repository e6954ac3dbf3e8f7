package io.fieldprint.advisories.prioritise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the CISA Known Exploited Vulnerabilities catalog in its published JSON form: an object with
 * {@code catalogVersion}, {@code dateReleased}, {@code count} and {@code vulnerabilities[]}, each
 * with {@code cveID}, {@code vendorProject}, {@code product}, {@code vulnerabilityName}, {@code
 * dateAdded}, {@code dueDate} and {@code knownRansomwareCampaignUse} (other members are ignored).
 * An entry without a well-formed {@code cveID} rejects the file: a catalog is replaced whole, so a
 * damaged one must not replace a good one.
 */
public final class KevReader {
  /** Largest catalog accepted (the real one is about 1.5 MB). */
  public static final int MAX_BYTES = 64 << 20;

  static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private KevReader() {}

  /** Reads a catalog from its bytes; never throws. */
  public static FeedFile<KevCatalog> read(byte[] json) {
    if (json.length > MAX_BYTES) {
      return new FeedFile.Rejected<>("larger than " + MAX_BYTES + " bytes");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return new FeedFile.Rejected<>("not JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException | RuntimeException e) {
      return new FeedFile.Rejected<>("not JSON: " + e.getClass().getSimpleName());
    }
    if (root == null || !root.path("vulnerabilities").isArray()) {
      return new FeedFile.Rejected<>("no 'vulnerabilities' array: not a KEV catalog");
    }
    Map<String, KevEntry> entries = new LinkedHashMap<>();
    int index = 0;
    for (JsonNode v : root.path("vulnerabilities")) {
      String cve = text(v, "cveID");
      if (!CVE.matcher(cve).matches()) {
        return new FeedFile.Rejected<>(
            "vulnerabilities[" + index + "].cveID is '" + cve + "', not a CVE id");
      }
      entries.putIfAbsent(cve, entry(v, cve));
      index++;
    }
    return new KevCatalog(
        text(root, "catalogVersion"),
        text(root, "dateReleased"),
        new ArrayList<>(entries.values()));
  }

  private static KevEntry entry(JsonNode v, String cve) {
    return new KevEntry(
        cve,
        text(v, "vendorProject"),
        text(v, "product"),
        text(v, "vulnerabilityName"),
        text(v, "dateAdded"),
        text(v, "dueDate"),
        text(v, "knownRansomwareCampaignUse"));
  }

  private static String text(JsonNode node, String member) {
    JsonNode v = node.path(member);
    return v.isValueNode() ? v.asText("") : "";
  }
}
