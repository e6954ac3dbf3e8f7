package io.fieldprint.protocols.snmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnmpEnterprisesTest {

  @Test
  void everyRowOfTheShippedTableParses() throws Exception {
    long rows =
        Files.readAllLines(Path.of("..", "config", "knowledge", "snmp-enterprises.tsv")).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .peek(l -> assertTrue(l.matches("[0-9]+\t[^\t]+\t[^\t]+"), l))
            .count();
    assertEquals(rows, SnmpEnterprises.shipped().all().size());
  }

  @Test
  void industrialVendorsResolveFromTheirNumbers() {
    SnmpEnterprises e = SnmpEnterprises.shipped();
    assertEquals(Optional.of("Cisco"), e.vendor(9));
    assertEquals(Optional.of("Hirschmann"), e.vendor(248));
    assertEquals(Optional.of("Siemens"), e.vendor(4329));
    assertEquals(Optional.of("Phoenix Contact"), e.vendor(4346));
    assertEquals(Optional.of("Moxa"), e.vendor(8691));
  }

  @Test
  void enterpriseNumberIsTakenFromTheOid() {
    assertEquals(4329, SnmpEnterprises.enterpriseOf("1.3.6.1.4.1.4329.6.1.2"));
    assertEquals(9, SnmpEnterprises.enterpriseOf("1.3.6.1.4.1.9"));
    assertEquals(-1, SnmpEnterprises.enterpriseOf("1.3.6.1.2.1.1.2.0"));
    assertEquals(-1, SnmpEnterprises.enterpriseOf("1.3.6.1.4.1."));
    assertEquals(-1, SnmpEnterprises.enterpriseOf("1.3.6.1.4.1.99999999999"));
    assertEquals(-1, SnmpEnterprises.enterpriseOf(null));
  }

  @Test
  void malformedRowsAreRejected() {
    assertThrows(IOException.class, () -> read("nine\tCisco\tciscoSystems\n"));
    assertThrows(IOException.class, () -> read("9\tCisco\n"));
    assertThrows(IOException.class, () -> read("9\tA\tx\n9\tB\ty\n"));
  }

  private static SnmpEnterprises read(String text) throws IOException {
    return SnmpEnterprises.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
