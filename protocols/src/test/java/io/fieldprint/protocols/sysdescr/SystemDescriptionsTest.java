package io.fieldprint.protocols.sysdescr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.model.Role;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SystemDescriptionsTest {
  private final SystemDescriptions descriptions = SystemDescriptions.shipped();

  @TestFactory
  Stream<DynamicTest> everyExampleInTheDataFileYieldsWhatItClaims() {
    List<DynamicTest> tests = new ArrayList<>();
    for (SystemDescriptionPattern p : descriptions.patterns()) {
      assertFalse(p.examples().isEmpty(), p.id() + " has no example");
      assertFalse(p.source().isBlank(), p.id() + " names no source");
      for (SystemDescriptionPattern.Example ex : p.examples()) {
        tests.add(
            DynamicTest.dynamicTest(
                p.id() + ": " + ex.text(),
                () -> {
                  SystemDescription d = descriptions.parse(ex.text()).orElseThrow();
                  assertEquals(p.id(), d.patternId(), "first match wins");
                  assertEquals(ex.expect(), values(d));
                }));
      }
    }
    return tests.stream();
  }

  @Test
  void scalanceXc208ExtractsOrderNumberHardwareFirmwareAndSerial() {
    SystemDescription d =
        descriptions
            .parse(
                "Siemens, SIMATIC NET, SCALANCE XC208, 6GK5 208-0BA00-2AC2, HW: Version 1, FW:"
                    + " Version V04.02.01, SVPJ3139157")
            .orElseThrow();
    assertEquals(
        new SystemDescription(
            "siemens-scalance-x",
            "Siemens",
            "SCALANCE XC208",
            "6GK5 208-0BA00-2AC2",
            "V04.02.01",
            "1",
            "SVPJ3139157",
            Role.SWITCH),
        d);
  }

  @Test
  void s7CpuIsAPlcWithItsOrderNumberAndFirmware() {
    SystemDescription d =
        descriptions
            .parse(
                "Siemens, SIMATIC S7, CPU315-2 PN/DP, 6ES7 315-2EH14-0AB0 , HW: 7, FW: V3.2.11, S"
                    + " C-H4C233962016")
            .orElseThrow();
    assertEquals("6ES7 315-2EH14-0AB0", d.model());
    assertEquals("V3.2.11", d.firmware());
    assertEquals(Role.PLC, d.role());
  }

  @Test
  void ciscoIndustrialEthernetKeepsTheFullIosVersion() {
    SystemDescription d =
        descriptions
            .parse(
                "Cisco IOS Software, IE2000 Software (IE2000-UNIVERSALK9-M), Version 15.2(4a)EA5,"
                    + " RELEASE SOFTWARE (fc1)")
            .orElseThrow();
    assertEquals("Cisco", d.vendor());
    assertEquals("IE2000", d.product());
    assertEquals("15.2(4a)EA5", d.firmware());
  }

  @Test
  void unknownBlankAndNullTextsMatchNothing() {
    assertTrue(descriptions.parse("Linux router 5.10.0 #1 SMP").isEmpty());
    assertTrue(descriptions.parse("").isEmpty());
    assertTrue(descriptions.parse(null).isEmpty());
  }

  @Test
  void hostileLongTextsFinishQuicklyAndAreCut() {
    List<String> hostile =
        List.of(
            "Siemens, SIMATIC NET, " + "SCALANCE X".repeat(200),
            "Hirschmann " + "A ".repeat(5000),
            "Moxa EDS-" + "A-".repeat(4000) + " Firmware",
            "FL SWITCH " + "A1 ".repeat(3000) + "FW",
            "Siemens AG " + " ".repeat(10_000) + "SCALANCE",
            "Siemens, SIMATIC S7, CPU" + ",".repeat(10_000));
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          for (String text : hostile) {
            descriptions.parse(text);
          }
        });
  }

  @Test
  void aRunawayPatternIsStoppedByTheStepBudget() throws IOException {
    String json =
        "{\"patterns\":[{\"id\":\"runaway\",\"regex\":\"^(a|aa)+$\",\"source\":\"test\","
            + "\"fixed\":{\"vendor\":\"X\"},\"examples\":[]}]}";
    SystemDescriptions bad = SystemDescriptions.read(stream(json));
    String text = "a".repeat(60) + "b";
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertTrue(bad.parse(text).isEmpty()));
  }

  @Test
  void invalidDataFilesAreRejectedWithTheirReason() {
    assertThrows(IOException.class, () -> SystemDescriptions.read(stream("{\"patterns\":[]}")));
    assertThrows(
        IOException.class,
        () ->
            SystemDescriptions.read(
                stream("{\"patterns\":[{\"id\":\"x\",\"regex\":\"(?<colour>a)\"}]}")));
    assertThrows(
        IOException.class,
        () -> SystemDescriptions.read(stream("{\"patterns\":[{\"id\":\"x\",\"regex\":\"(\"}]}")));
    assertThrows(
        IOException.class,
        () ->
            SystemDescriptions.read(
                stream("{\"patterns\":[{\"id\":\"x\",\"regex\":\"a\",\"role\":\"toaster\"}]}")));
  }

  private static ByteArrayInputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> values(SystemDescription d) {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, "vendor", d.vendor());
    put(m, "product", d.product());
    put(m, "model", d.model());
    put(m, "firmware", d.firmware());
    put(m, "hardware", d.hardware());
    put(m, "serial", d.serial());
    put(m, "role", d.role() == null ? null : d.role().name().toLowerCase(Locale.ROOT));
    return m;
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }
}
