package io.fieldprint.protocols.profinet;

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

class ProfinetVendorsTest {

  @Test
  void everyRowOfTheShippedTableParsesAndNamesItsSource() throws Exception {
    long rows =
        Files.readAllLines(Path.of("..", "config", "knowledge", "profinet-vendors.tsv")).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .peek(l -> assertTrue(l.split("\t").length == 3 && l.split("\t")[2].length() > 20, l))
            .count();
    assertEquals(rows, ProfinetVendors.shipped().all().size());
  }

  @Test
  void knownIdsResolve() {
    assertEquals(Optional.of("Siemens"), ProfinetVendors.shipped().vendor(0x002A));
    assertEquals(Optional.of("WAGO"), ProfinetVendors.shipped().vendor(0x011D));
    assertEquals(Optional.empty(), ProfinetVendors.shipped().vendor(0xFFFF));
  }

  @Test
  void malformedOrRepeatedRowsAreRejected() {
    assertThrows(IOException.class, () -> read("0x2A\tSiemens\tsource\n"));
    assertThrows(IOException.class, () -> read("0x002A\tSiemens\n"));
    assertThrows(IOException.class, () -> read("0x002A\tA\ts\n0x002a\tB\ts\n"));
  }

  private static ProfinetVendors read(String text) throws IOException {
    return ProfinetVendors.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
