package io.fieldprint.protocols.enip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.model.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CipKnowledgeTest {

  private static InputStreamReader resource(String name) {
    InputStream in = CipKnowledge.class.getResourceAsStream(name);
    assertTrue(in != null, name + " is not on the classpath");
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  @Test
  void everyVendorRowParses() throws IOException {
    Map<Integer, String> vendors = CipKnowledge.parseVendors(resource(CipKnowledge.VENDORS));
    assertEquals(1307, vendors.size());
    assertEquals("Rockwell Automation/Allen-Bradley", vendors.get(1));
    assertEquals("Wago Corporation", vendors.get(40));
    assertEquals("Omron Corporation", vendors.get(47));
    assertEquals("Schneider Automation Inc.", vendors.get(243));
    assertEquals("Phoenix Contact", vendors.get(562));
    assertEquals("Cisco Systems", vendors.get(939));
    assertEquals("Moxa Networking Co.Ltd.", vendors.get(991));
    assertEquals("Siemens AG", vendors.get(1251));
    assertEquals("TGW Mechanics GmbH", vendors.get(1513));
    assertEquals("Star Micronics, Co. Ltd.", vendors.get(585));
    assertNull(vendors.get(0), "Reserved rows are left out");
  }

  @Test
  void everyDeviceTypeRowParses() throws IOException {
    Map<Integer, CipKnowledge.DeviceType> types =
        CipKnowledge.parseDeviceTypes(resource(CipKnowledge.DEVICE_TYPES));
    assertEquals(53, types.size());
    assertEquals(
        new CipKnowledge.DeviceType("Programmable Logic Controller", Role.PLC), types.get(14));
    assertEquals(new CipKnowledge.DeviceType("Communications Adapter", Role.IO), types.get(12));
    assertEquals(new CipKnowledge.DeviceType("Human-Machine Interface", Role.HMI), types.get(24));
    assertEquals(
        new CipKnowledge.DeviceType("Managed Ethernet Switch", Role.SWITCH), types.get(44));
    assertEquals(new CipKnowledge.DeviceType("AC Drive Device", Role.DRIVE), types.get(2));
    assertEquals(new CipKnowledge.DeviceType("CIP Modbus Translator", Role.GATEWAY), types.get(41));
    assertEquals(new CipKnowledge.DeviceType("Generic Device (keyable)", null), types.get(43));
  }

  @Test
  void shippedKnowledgeIsLoaded() {
    CipKnowledge shipped = CipKnowledge.shipped();
    assertEquals(1307, shipped.vendorCount());
    assertEquals(53, shipped.deviceTypeCount());
    assertEquals("Altus Sistemas de Automação S.A.", shipped.vendorName(1454));
  }

  @Test
  void malformedRowsFailWithTheirLineNumber() {
    IllegalArgumentException columns =
        assertThrows(
            IllegalArgumentException.class,
            () -> CipKnowledge.parseVendors(new StringReader("# header\n1\tA\n2 B\n")));
    assertTrue(columns.getMessage().startsWith("line 3:"), columns.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> CipKnowledge.parseVendors(new StringReader("x\tA\n")));
    assertThrows(
        IllegalArgumentException.class,
        () -> CipKnowledge.parseVendors(new StringReader("70000\tA\n")));
    assertThrows(
        IllegalArgumentException.class,
        () -> CipKnowledge.parseVendors(new StringReader("1\tA\n1\tB\n")));
    assertThrows(
        IllegalArgumentException.class,
        () -> CipKnowledge.parseVendors(new StringReader("1\t A\n")));
    assertThrows(
        IllegalArgumentException.class,
        () -> CipKnowledge.parseDeviceTypes(new StringReader("14\tPLC\trobot\n")));
    assertThrows(
        IllegalArgumentException.class,
        () -> CipKnowledge.parseDeviceTypes(new StringReader("14\tPLC\n")));
  }

  @Test
  void blankAndCommentLinesAreSkipped() throws IOException {
    assertEquals(
        Map.of(7, "SMC Corporation"),
        CipKnowledge.parseVendors(new StringReader("# c\n\n7\tSMC Corporation\n")));
  }
}
