package io.fieldprint.collector.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.Vulnerability;
import io.fieldprint.collector.export.csaf.CsafVexCheck;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site's triaged matches as a CSAF 2.0 VEX document from a real collector, checked with the
 * official CSAF schema and read back by the advisories module's reader.
 */
class CsafVexExportTest {
  @TempDir Path dir;
  private RunningCollector c;
  private ExportSites sites;

  @BeforeEach
  void start() throws Exception {
    c = new RunningCollector(dir, "correlation:\n  intervalMillis: 100\n");
    sites = ExportSites.ingest(c);
  }

  @AfterEach
  void stop() {
    c.close();
  }

  @Test
  void aNotAffectedDecisionBecomesKnownNotAffectedWithItsJustification() throws Exception {
    String path = "/api/v1/sites/plant-a/csaf-vex";
    assertEquals(404, c.get(path, sites.viewerA).statusCode(), "nothing triaged yet");
    String uid = sites.match().getString("asset");
    String triage = "/api/v1/sites/plant-a/assets/" + uid + "/matches/ICSA-23-222-07/triage";
    String body =
        "{\"state\":\"not_affected\",\"justification\":\"inline_mitigations_already_exist\","
            + "\"note\":\"X.400 traffic is blocked at the cell firewall\"}";
    assertEquals(200, c.put(triage, c.adminToken, body).statusCode());

    HttpResponse<String> r = c.get(path, sites.viewerA);
    assertEquals(200, r.statusCode(), r.body());
    CsafDocument doc = CsafVexCheck.valid(r.body().getBytes(StandardCharsets.UTF_8));
    assertEquals(1, doc.productTree().products().size());
    String product = "ASSET-" + uid;
    assertEquals(product, doc.productTree().products().get(0).productId());
    assertTrue(
        doc.productTree().products().get(0).name().contains("V2.9.4"),
        doc.productTree().products().get(0).name());
    Vulnerability v = doc.vulnerabilities().get(0);
    assertEquals("CVE-2023-0286", v.cve());
    assertEquals(List.of(product), v.productStatus().knownNotAffected());
    assertEquals("inline_mitigations_already_exist", v.flags().get(0).label());
    assertEquals("X.400 traffic is blocked at the cell firewall", v.threats().get(0).details());

    assertEquals(403, c.get(path, sites.viewerB).statusCode());
    assertEquals(403, c.get(path, sites.agentA).statusCode());
    assertEquals(404, c.get("/api/v1/sites/plant-z/csaf-vex", c.adminToken).statusCode());
  }
}
