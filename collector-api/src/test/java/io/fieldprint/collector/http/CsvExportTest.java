package io.fieldprint.collector.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV exports of a real collector, read back with Apache Commons CSV (strict RFC 4180) on data
 * ingested through the API.
 */
class CsvExportTest {
  @TempDir java.nio.file.Path dir;
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
  void assetsCsvListsEveryDeviceOfTheSiteWithMatchCountAndNeutralisedFormulas() throws Exception {
    HttpResponse<String> r = c.get("/api/v1/sites/plant-a/assets.csv", sites.viewerA);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
    List<CSVRecord> rows = parse(r.body());
    assertEquals(41, rows.size(), "39 PROFINET devices, the CPU and the hostile device");
    Map<String, CSVRecord> byId =
        rows.stream().collect(Collectors.toMap(row -> row.get("id"), Function.identity()));

    CSVRecord cpu = byId.get("mac:00:1b:1b:aa:bb:cc");
    assertEquals("Siemens AG", cpu.get("vendor"));
    assertEquals("6ES7 516-3AN01-0AB0", cpu.get("model"));
    assertEquals("V2.9.4", cpu.get("firmware"));
    assertEquals("3", cpu.get("hardware"));
    assertEquals("192.168.0.10", cpu.get("ip"));
    assertEquals("s7comm", cpu.get("protocols"));
    assertEquals("1", cpu.get("matches"));
    assertEquals("false", cpu.get("kev"));

    CSVRecord hostile = byId.get("mac:00:1b:1b:aa:bb:dd");
    assertEquals("'" + ExportSites.HOSTILE_NAME, hostile.get("name"));
    assertEquals("'@Acme, \"Inc\"", hostile.get("vendor"));
    assertEquals("'-1+2", hostile.get("firmware"));
    assertEquals("", hostile.get("model"));
    assertEquals("0", hostile.get("matches"));

    CSVRecord controller = byId.get("mac:00:02:a2:2b:54:7f");
    assertEquals("controller", controller.get("name"));
    assertEquals("profinet", controller.get("protocols"));
    assertEquals("2016-02-29T14:05:19.965Z", controller.get("firstSeen"));
  }

  @Test
  void matchesCsvCarriesCvesCvssTriageAndTheFixedVersion() throws Exception {
    String uid = sites.match().getString("asset");
    String triage = "/api/v1/sites/plant-a/assets/" + uid + "/matches/ICSA-23-222-07/triage";
    String body =
        "{\"state\":\"not_affected\",\"justification\":\"inline_mitigations_already_exist\","
            + "\"note\":\"=cmd|' /C calc'!A0, behind the cell firewall\"}";
    assertEquals(200, c.put(triage, c.adminToken, body).statusCode());
    String kev = "{\"catalogVersion\":\"1\",\"vulnerabilities\":[{\"cveID\":\"CVE-2023-0286\"}]}";
    assertEquals(200, c.post("/api/v1/kev", c.adminToken, kev).statusCode());

    HttpResponse<String> r = c.get("/api/v1/sites/plant-a/matches.csv", sites.viewerA);
    assertEquals(200, r.statusCode(), r.body());
    List<CSVRecord> rows = parse(r.body());
    assertEquals(1, rows.size());
    CSVRecord m = rows.get(0);
    assertEquals(uid, m.get("assetUid"));
    assertEquals("mac:00:1b:1b:aa:bb:cc", m.get("assetId"));
    assertEquals("ICSA-23-222-07", m.get("advisoryId"));
    assertEquals("CVE-2023-0286", m.get("cves"));
    assertEquals("7.4", m.get("cvss"));
    assertTrue(m.get("cvssVector").startsWith("CVSS:3"), m.get("cvssVector"));
    assertEquals("true", m.get("kev"));
    assertEquals("high", m.get("confidence"));
    assertEquals("not_affected", m.get("triageState"));
    assertEquals("inline_mitigations_already_exist", m.get("justification"));
    assertEquals("'=cmd|' /C calc'!A0, behind the cell firewall", m.get("triageNote"));
    assertEquals("V2.9.7", m.get("fixedVersion"));
    assertEquals("vendor_fix", m.get("remediationCategory"));
    List<CSVRecord> assets = parse(c.get("/api/v1/sites/plant-a/assets.csv", sites.viewerA).body());
    assertEquals(1, assets.stream().filter(a -> a.get("kev").equals("true")).count());
  }

  @Test
  void exportsFollowTheSiteScopeOfTheJsonReads() throws Exception {
    for (String what : List.of("assets.csv", "matches.csv")) {
      assertEquals(403, c.get("/api/v1/sites/plant-a/" + what, sites.viewerB).statusCode());
      assertEquals(403, c.get("/api/v1/sites/plant-a/" + what, sites.agentA).statusCode());
      assertEquals(401, c.get("/api/v1/sites/plant-a/" + what, null).statusCode());
      assertEquals(404, c.get("/api/v1/sites/plant-z/" + what, c.adminToken).statusCode());
      assertEquals(403, c.get("/api/v1/sites/plant-z/" + what, sites.viewerA).statusCode());
    }
    List<CSVRecord> b = parse(c.get("/api/v1/sites/plant-b/assets.csv", sites.viewerB).body());
    assertEquals(1, b.size());
    assertEquals("mac:00:1b:1b:aa:bb:cc", b.get(0).get("id"));
    assertEquals(404, c.get("/api/v1/assets/" + b.get(0).get("uid"), sites.viewerA).statusCode());
    assertEquals(403, c.get("/api/v1/sites/plant-b/matches.csv", sites.viewerA).statusCode());
  }

  static List<CSVRecord> parse(String csv) throws Exception {
    CSVFormat strict = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (var parser = strict.parse(new StringReader(csv))) {
      List<CSVRecord> rows = parser.getRecords();
      rows.forEach(row -> assertTrue(row.isConsistent(), "ragged row " + row));
      return rows;
    }
  }
}
