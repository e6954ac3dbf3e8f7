package io.fieldprint.collector.export.cyclonedx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.collector.storage.CsafFixtures;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.junit.jupiter.api.Test;

/** Documents of the pure writer, checked against the official CycloneDX 1.6 schema. */
class CycloneDxWriterTest {
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void everyTriageStateAndJustificationMapsToAValidVexAnalysis() throws Exception {
    AdvisoryFacts advisory =
        AdvisoryFacts.of(
            (CsafDocument) new CsafReader().read(CsafFixtures.cisa(CsafFixtures.S7_1500)));
    List<BomDevice> devices = new java.util.ArrayList<>();
    VulnerabilityGroups groups = new VulnerabilityGroups(Set.of("CVE-2023-0286"));
    List<Optional<VexAnalysis>> analyses = new java.util.ArrayList<>();
    analyses.add(Optional.empty());
    for (String state : VexAnalysis.STATES.keySet()) {
      analyses.add(
          Optional.of(VexAnalysis.fromTriage(state, Optional.empty(), Optional.empty(), AT)));
    }
    for (String j : VexAnalysis.JUSTIFICATIONS.keySet()) {
      analyses.add(
          Optional.of(VexAnalysis.fromTriage("not_affected", Optional.of(j), Optional.of(j), AT)));
    }
    for (int i = 0; i < analyses.size(); i++) {
      BomDevice d = device("device:" + i, Optional.of("V2.9." + i));
      devices.add(d);
      groups.add(
          new VulnerabilityGroups.Finding(
              d.firmwareRef(),
              advisory,
              List.of("CVE-2023-0286"),
              Optional.empty(),
              Optional.of("Update to V2.9.7 or later version"),
              analyses.get(i)));
    }
    Bom bom = CycloneDxSchema.validBom(document(devices, groups.build()));

    // two mappings share code_not_present with different details: one entry per analysis
    assertEquals(analyses.size(), bom.getVulnerabilities().size());
    for (Vulnerability v : bom.getVulnerabilities()) {
      assertEquals("CVE-2023-0286", v.getId());
      assertEquals(1, v.getAffects().size());
      assertEquals(7.4, v.getRatings().get(0).getScore());
      assertEquals("cvssv31", v.getRatings().get(0).getMethod().getMethodName().toLowerCase());
      assertEquals(List.of(20), v.getCwes(), "the advisory names CWE-20");
    }
    Vulnerability untriaged = bom.getVulnerabilities().get(0);
    assertNull(untriaged.getAnalysis(), "no triage, no analysis");
    assertEquals(
        "protected_by_mitigating_control",
        analysisOf(bom, "inline_mitigations_already_exist")
            .getJustification()
            .getJustificationName());
    assertEquals(
        "code_not_reachable",
        analysisOf(bom, "vulnerable_code_not_in_execute_path")
            .getJustification()
            .getJustificationName());
  }

  @Test
  void aDeviceKnownOnlyByItsAddressIsStillAValidComponentWithFirmware() throws Exception {
    BomDevice bare =
        new BomDevice(
            "device:u1",
            "ip:10.0.0.9",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "unknown",
            List.of("10.0.0.9"),
            List.of(),
            List.of("modbus"));
    Bom bom = CycloneDxSchema.validBom(document(List.of(bare), List.of()));
    Component c = bom.getComponents().get(0);
    assertEquals("ip:10.0.0.9", c.getName());
    assertEquals(Component.Type.DEVICE, c.getType());
    assertEquals(Component.Type.FIRMWARE, c.getComponents().get(0).getType());
    assertEquals("device:u1:firmware", c.getComponents().get(0).getBomRef());
  }

  private static Vulnerability.Analysis analysisOf(Bom bom, String detail) {
    return bom.getVulnerabilities().stream()
        .map(Vulnerability::getAnalysis)
        .filter(a -> a != null && detail.equals(a.getDetail()))
        .findFirst()
        .orElseThrow();
  }

  private static byte[] document(List<BomDevice> devices, List<BomVulnerability> vulns) {
    CycloneDxWriter w = new CycloneDxWriter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    w.begin(
        UUID.randomUUID(),
        AT,
        "test",
        List.of(new CycloneDxWriter.Property("fieldprint:site", "a")));
    out.writeBytes(w.drain());
    devices.forEach(
        d -> {
          w.device(d);
          out.writeBytes(w.drain());
        });
    w.vulnerabilities(vulns);
    w.end();
    out.writeBytes(w.drain());
    return out.toByteArray();
  }

  private static BomDevice device(String ref, Optional<String> firmware) {
    return new BomDevice(
        ref,
        "mac:00:1b:1b:aa:bb:cc",
        Optional.of("plc-1"),
        Optional.of("Siemens AG"),
        Optional.of("CPU 1516-3 PN/DP"),
        Optional.of("6ES7 516-3AN01-0AB0"),
        firmware,
        Optional.of("3"),
        Optional.of("S C-X4U421302016"),
        "plc",
        List.of("192.168.0.10"),
        List.of("00:1b:1b:aa:bb:cc"),
        List.of("s7comm", "profinet"));
  }
}
