package io.fieldprint.collector.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.collector.export.cyclonedx.CycloneDxSchema;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site's CycloneDX document from a real collector holding data ingested through the API, checked
 * against the official CycloneDX 1.6 schema and read with CycloneDX's own model.
 */
class CycloneDxExportTest {
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
  void aMatchTriagedNotAffectedBecomesANotAffectedVexAnalysisOnTheFirmware() throws Exception {
    String uid = sites.match().getString("asset");
    String triage = "/api/v1/sites/plant-a/assets/" + uid + "/matches/ICSA-23-222-07/triage";
    String body =
        "{\"state\":\"not_affected\",\"justification\":\"vulnerable_code_not_in_execute_path\","
            + "\"note\":\"X.400 addresses are not processed\"}";
    assertEquals(200, c.put(triage, c.adminToken, body).statusCode());

    HttpResponse<String> r = c.get("/api/v1/sites/plant-a/cyclonedx", sites.viewerA);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(
        r.headers()
            .firstValue("content-type")
            .orElse("")
            .startsWith("application/vnd.cyclonedx+json"));
    Bom bom = CycloneDxSchema.validBom(r.body().getBytes(StandardCharsets.UTF_8));

    assertEquals(41, bom.getComponents().size());
    Map<String, Component> byRef =
        bom.getComponents().stream()
            .collect(Collectors.toMap(Component::getBomRef, Function.identity()));
    Component cpu = byRef.get("device:" + uid);
    assertEquals(Component.Type.DEVICE, cpu.getType());
    assertEquals("CPU 1516-3 PN/DP", cpu.getName());
    assertEquals("Siemens AG", cpu.getManufacturer().getName());
    assertEquals("3", cpu.getVersion());
    assertEquals("6ES7 516-3AN01-0AB0", property(cpu, "fieldprint:orderNumber"));
    assertEquals("S C-X4U421302016", property(cpu, "fieldprint:serialNumber"));
    assertEquals("192.168.0.10", property(cpu, "fieldprint:ip"));
    Component firmware = cpu.getComponents().get(0);
    assertEquals(Component.Type.FIRMWARE, firmware.getType());
    assertEquals("V2.9.4", firmware.getVersion());

    assertEquals(1, bom.getVulnerabilities().size());
    Vulnerability v = bom.getVulnerabilities().get(0);
    assertEquals("CVE-2023-0286", v.getId());
    assertEquals("NVD", v.getSource().getName());
    assertEquals(
        List.of(firmware.getBomRef()), v.getAffects().stream().map(a -> a.getRef()).toList());
    assertEquals(7.4, v.getRatings().get(0).getScore());
    assertEquals("CISA", v.getRatings().get(0).getSource().getName());
    assertTrue(
        v.getAdvisories().get(0).getUrl().contains("icsa-23-222-07"),
        v.getAdvisories().get(0).getUrl());
    assertEquals(Vulnerability.Analysis.State.NOT_AFFECTED, v.getAnalysis().getState());
    assertEquals(
        Vulnerability.Analysis.Justification.CODE_NOT_REACHABLE,
        v.getAnalysis().getJustification());
    assertEquals("X.400 addresses are not processed", v.getAnalysis().getDetail());
  }

  @Test
  void anUntriagedMatchHasNoAnalysisAndOtherSitesStayOut() throws Exception {
    Bom bom =
        CycloneDxSchema.validBom(
            c.get("/api/v1/sites/plant-a/cyclonedx", sites.viewerA)
                .body()
                .getBytes(StandardCharsets.UTF_8));
    assertEquals(null, bom.getVulnerabilities().get(0).getAnalysis());
    assertEquals(403, c.get("/api/v1/sites/plant-a/cyclonedx", sites.viewerB).statusCode());
    assertEquals(403, c.get("/api/v1/sites/plant-a/cyclonedx", sites.agentA).statusCode());
    assertEquals(404, c.get("/api/v1/sites/plant-z/cyclonedx", c.adminToken).statusCode());
    Bom b =
        CycloneDxSchema.validBom(
            c.get("/api/v1/sites/plant-b/cyclonedx", sites.viewerB)
                .body()
                .getBytes(StandardCharsets.UTF_8));
    assertEquals(1, b.getComponents().size());
  }

  private static String property(Component c, String name) {
    return c.getProperties().stream()
        .filter(p -> p.getName().equals(name))
        .findFirst()
        .orElseThrow()
        .getValue();
  }
}
