package io.fieldprint.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.active.AuditRecord;
import io.fieldprint.protocols.active.JsonLinesAuditLog;
import io.fieldprint.protocols.inventory.Asset;
import io.fieldprint.protocols.inventory.Attribution;
import io.fieldprint.protocols.inventory.Inventory;
import io.fieldprint.protocols.inventory.InventoryFinding;
import io.fieldprint.protocols.inventory.InventorySource;
import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Role;
import io.fieldprint.protocols.model.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportDocumentTest {
  private static final Instant T = Instant.parse("2026-01-15T09:30:00Z");
  private static final String HOSTILE =
      "<script>alert(1)</script>\"><img src=x onerror=alert(2)>&amp;\u0000\u202Eevil";

  @TempDir Path dir;

  @Test
  void theReportHasEverySectionAndIsWellFormedXhtmlWithoutScriptsOrExternalResources()
      throws Exception {
    String html =
        render(inventory(List.of(plc("mac:02:00:00:00:00:01", "PLC-1")), List.of()), null);
    Document doc = parse(html);

    for (String id : List.of("summary", "remediation", "inventory", "findings", "method")) {
      assertTrue(byId(doc, id) != null, "section " + id);
    }
    assertEquals(0, doc.getElementsByTagName("script").getLength());
    assertEquals(0, doc.getElementsByTagName("img").getLength());
    assertEquals(0, doc.getElementsByTagName("link").getLength());
    assertFalse(html.contains("http://") && !html.contains("http://www.w3.org/1999/xhtml"));
    assertEquals(1, doc.getElementsByTagName("style").getLength());
  }

  @Test
  void theRemediationPlanPutsAKnownExploitedAdvisoryBeforeAHigherCvssOneThenCvssThenEpss()
      throws Exception {
    List<Object> matches =
        List.of(
            match("mac:02:00:00:00:00:01", "ICSA-B-LOW-EPSS", 9.8, null, 0.01),
            match("mac:02:00:00:00:00:01", "ICSA-A-KEV", 5.3, "CVE-2020-0001", null),
            match("mac:02:00:00:00:00:01", "ICSA-C-HIGH-EPSS", 9.8, null, 0.50),
            match("mac:02:00:00:00:00:01", "ICSA-D-LOWER-CVSS", 7.5, null, 0.90));
    String html = render(inventory(List.of(plc("mac:02:00:00:00:00:01", "PLC-1")), matches), null);
    Element plan = byId(parse(html), "remediation");

    List<String> order = new ArrayList<>();
    NodeList strong = plan.getElementsByTagName("strong");
    for (int i = 0; i < strong.getLength(); i++) {
      order.add(strong.item(i).getTextContent());
    }
    assertEquals(
        List.of("ICSA-A-KEV", "ICSA-C-HIGH-EPSS", "ICSA-B-LOW-EPSS", "ICSA-D-LOWER-CVSS"), order);
    String text = plan.getTextContent();
    assertTrue(text.contains("KEV CVE-2020-0001, due 2024-02-01"), text);
    assertTrue(text.contains("fixed in V2.0"), text);
    assertTrue(text.contains("high: exact model"), text);
  }

  @Test
  void hostileStringsFromDevicesAreShownAsTextNeverAsMarkup() throws Exception {
    Asset evil = plc("mac:02:00:00:00:00:66", HOSTILE);
    InventoryFinding f =
        new InventoryFinding(
            "mac:02:00:00:00:00:66",
            "cleartext.telnet",
            Severity.MEDIUM,
            HOSTILE,
            HOSTILE,
            List.of(new Evidence("telnet.banner", T, HOSTILE, Map.of("banner", HOSTILE))),
            1);
    Inventory inv =
        new Inventory(
            List.of(new InventorySource("pcap", HOSTILE, "ok", null, 1, 1, T, T, 0)),
            List.of(evil),
            List.of(f),
            List.of(match("mac:02:00:00:00:00:66", HOSTILE, 7.0, null, null)),
            List.of(),
            0);
    String html = render(inv, null);
    Document doc = parse(html);

    assertEquals(0, doc.getElementsByTagName("script").getLength());
    assertEquals(0, doc.getElementsByTagName("img").getLength());
    assertFalse(html.contains("<script>"));
    assertFalse(html.contains("\u202E") || html.contains("\u0000"));
    assertTrue(
        doc.getDocumentElement().getTextContent().contains("<script>alert(1)</script>"),
        "the hostile name is visible as text");
  }

  @Test
  void eachFindingShowsTheIec62443RequirementsItConcerns() throws Exception {
    List<InventoryFinding> findings =
        List.of(
            finding("opcua.anonymous-access", Severity.MEDIUM),
            finding("opcua.security-mode-none", Severity.MEDIUM),
            finding("vendor.future-rule", Severity.LOW));
    Inventory inv =
        new Inventory(
            List.of(),
            List.of(plc("mac:02:00:00:00:00:01", "PLC-1")),
            findings,
            List.of(),
            List.of(),
            0);
    Element section = byId(parse(render(inv, null)), "findings");
    NodeList rules = section.getElementsByTagName("div");
    String anonymous = ruleBlock(rules, "opcua.anonymous-access");
    String none = ruleBlock(rules, "opcua.security-mode-none");

    assertTrue(anonymous.contains("SR 1.1 Identify and authenticate human users"), anonymous);
    assertTrue(anonymous.contains("CR 1.1"), anonymous);
    assertTrue(none.contains("SR 3.1 Protect the integrity of communication"), none);
    assertTrue(none.contains("SR 4.1 Protect the confidentiality of information"), none);
    assertTrue(none.contains("CR 3.1") && none.contains("CR 4.1"), none);
    assertTrue(
        ruleBlock(rules, "vendor.future-rule").contains("No IEC 62443 mapping is known"),
        "an unknown rule says so instead of failing");
  }

  @Test
  void theAuditLogIsCountedPerTargetAndFunctionAndTheAppendixSaysWhenItIsTruncated()
      throws Exception {
    Path log = dir.resolve("audit.jsonl");
    try (JsonLinesAuditLog audit = JsonLinesAuditLog.open(log)) {
      for (int i = 0; i < 5; i++) {
        audit.append(
            new AuditRecord(
                T,
                "modbus://10.0.0.5:502",
                "MODBUS",
                "00 0" + (i + 1) + " 00 00 00 05 FF 2B 0E 01 00",
                "SENT",
                "SUCCESS",
                "reported by probe",
                3));
      }
      audit.append(
          new AuditRecord(
              T,
              "modbus://10.0.0.5:502",
              "MODBUS",
              "unit 1 pdu 06 00 01 00 02",
              "REFUSED",
              "NOT_SENT",
              "FC 6 is not read-only",
              0));
      audit.append(
          new AuditRecord(
              T,
              "opc.tcp://10.0.0.7:4840",
              "OPC_UA",
              "GetEndpoints",
              "SENT",
              "TIMEOUT",
              "expired",
              6000));
    }
    ReportLimits limits = new ReportLimits(1 << 20, 1000, 3, 300, 12);
    AuditTrail trail = AuditTrail.read(log, limits);
    Document doc =
        parse(
            ReportDocument.render(
                input(inventory(List.of(), List.of()), trail), Iec62443Mapping.shipped(), limits));

    String method = byId(doc, "method").getTextContent();
    assertTrue(method.contains("7 requests recorded"), method);
    assertTrue(method.contains("modbus://10.0.0.5:502FC 43/14550"), method);
    assertTrue(method.contains("modbus://10.0.0.5:502FC 6001"), method);
    assertTrue(method.contains("opc.tcp://10.0.0.7:4840GetEndpoints100"), method);
    String appendix = byId(doc, "appendix-audit").getTextContent();
    assertTrue(appendix.contains("Truncated: the first 3 of 7 requests"), appendix);
  }

  private static String ruleBlock(NodeList divs, String rule) {
    for (int i = 0; i < divs.getLength(); i++) {
      Element d = (Element) divs.item(i);
      if ("rule".equals(d.getAttribute("class")) && d.getTextContent().startsWith(rule)) {
        return d.getTextContent();
      }
    }
    throw new AssertionError("no block for " + rule);
  }

  static Document parse(String xhtml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
  }

  static Element byId(Document doc, String id) {
    NodeList sections = doc.getElementsByTagName("section");
    for (int i = 0; i < sections.getLength(); i++) {
      Element e = (Element) sections.item(i);
      if (id.equals(e.getAttribute("id"))) {
        return e;
      }
    }
    return null;
  }

  private static String render(Inventory inv, AuditTrail audit) {
    return ReportDocument.render(
        input(inv, audit), Iec62443Mapping.shipped(), ReportLimits.defaults());
  }

  private static ReportInput input(Inventory inv, AuditTrail audit) {
    List<ReportMatch> matches = inv.matches().stream().map(ReportMatch::fromJson).toList();
    return new ReportInput(
        "Plant 1", T, "fieldprint test", "inventory.json", inv, matches, "test", "possible", audit);
  }

  private static Inventory inventory(List<Asset> assets, List<Object> matches) {
    return new Inventory(List.of(), assets, List.of(), matches, List.of(), 0);
  }

  private static InventoryFinding finding(String rule, Severity severity) {
    return new InventoryFinding(
        "mac:02:00:00:00:00:01",
        rule,
        severity,
        "title of " + rule,
        "detail",
        List.of(new Evidence("opcua.get-endpoints-response", T, "c.pcap#frame=4", Map.of())),
        2);
  }

  static Asset plc(String id, String name) {
    Attribution from =
        new Attribution(
            "s7comm.szl-module-identification", "c.pcap#frame=20", Authority.DEVICE_REPORTED);
    return new Asset(
        id,
        List.of("10.0.0.1"),
        List.of(id.substring(4)),
        name,
        "Siemens",
        "CPU 1516-3 PN/DP",
        "6ES7 516-3AN01-0AB0",
        "V2.9.4",
        null,
        null,
        Role.PLC,
        "Siemens AG",
        Map.of("vendor", from, "model", from, "name", from),
        List.of("s7comm"),
        T,
        T,
        List.of(
            new Evidence(
                "s7comm.szl-module-identification",
                T,
                "c.pcap#frame=20",
                Map.of("orderNumber", "6ES7 516-3AN01-0AB0", "name", name))),
        0);
  }

  private static Map<String, Object> match(
      String asset, String advisory, Double cvss, String kevCve, Double epss) {
    Map<String, Object> m = new java.util.HashMap<>();
    m.put("assetId", asset);
    m.put("advisoryId", advisory);
    m.put("title", "title of " + advisory);
    m.put("cves", List.of(kevCve == null ? "CVE-2021-0002" : kevCve));
    m.put("cvss", cvss == null ? null : Map.of("score", cvss, "vector", "CVSS:3.1/AV:N"));
    m.put("product", "Siemens > S7-1500");
    m.put(
        "versionRule",
        Map.of("firmware", "V2.9.4", "range", "vers:all/<V2.0", "result", "affected"));
    m.put("confidence", Map.of("level", "high", "reason", "exact model"));
    m.put("remediation", Map.of("category", "vendor_fix", "fixedVersion", "V2.0"));
    m.put(
        "kev",
        kevCve == null
            ? null
            : Map.of(
                "cve", kevCve, "dueDate", "2024-02-01", "knownRansomwareCampaignUse", "Known"));
    m.put("epss", epss == null ? null : Map.of("cve", "CVE-2021-0002", "score", epss));
    return m;
  }
}
