package io.fieldprint.collector.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The advisories matched in a site that name a CVE of the stored KEV catalog. A match's explanation
 * lists its advisory's CVEs; one explanation per advisory is read (through the {@code
 * matches_advisory} index), so the cost grows with the advisories a site matches, not its assets.
 */
final class KevAdvisories {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SQL =
      "SELECT d.advisory_id, (SELECT m.explanation_json FROM matches m"
          + " WHERE m.advisory_id = d.advisory_id AND m.site_id = ? LIMIT 1)"
          + " FROM (SELECT DISTINCT advisory_id FROM matches WHERE site_id = ?) d";

  private KevAdvisories() {}

  /** The ids of the site's matched advisories with a KEV-listed CVE. */
  static Set<String> ofSite(Connection c, String siteId) throws SQLException {
    Set<String> kev = new KevTable().cves(c);
    Set<String> out = new HashSet<>();
    if (kev.isEmpty()) {
      return out;
    }
    try (PreparedStatement ps = c.prepareStatement(SQL)) {
      ps.setString(1, siteId);
      ps.setString(2, siteId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (cves(rs.getString(2)).stream().anyMatch(kev::contains)) {
            out.add(rs.getString(1));
          }
        }
      }
    }
    return out;
  }

  private static List<String> cves(String explanationJson) {
    List<String> out = new ArrayList<>();
    if (explanationJson == null) {
      return out;
    }
    try {
      for (JsonNode cve : JSON.readTree(explanationJson).path("cves")) {
        out.add(cve.asText());
      }
    } catch (IOException e) {
      throw new StoreException("stored match explanation is not JSON: " + e.getMessage(), e);
    }
    return out;
  }
}
