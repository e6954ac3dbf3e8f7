package io.fieldprint.agent.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlantDescriptionTest {
  @TempDir Path dir;

  @Test
  void theShippedPlantHasInsecureSecuredAndModbusDevicesOnDistinctAddresses() throws Exception {
    PlantDescription plant =
        PlantDescription.read(
            Path.of(System.getProperty("fieldprint.root", "..")).resolve("config/demo/plant.json"));

    assertEquals(3, plant.opcUa().size());
    assertEquals(2, plant.modbus().size());
    assertTrue(plant.opcUa().stream().anyMatch(d -> d.securityNone() && d.anonymous()));
    assertTrue(plant.opcUa().stream().anyMatch(PlantDescription.OpcUaDevice::expiredCertificate));
    assertTrue(plant.opcUa().stream().anyMatch(d -> !d.securityNone() && !d.anonymous()));
  }

  @Test
  void everyProblemOfADescriptionIsListedAtOnce() throws Exception {
    Path file = dir.resolve("plant.json");
    Files.writeString(
        file,
        """
        {"opcua": [{"address": "10.0.0.5", "hostname": "h", "vendor": "V", "product": "P",
                    "orderNumber": "O", "hardware": "1", "serial": "S"}],
         "modbus": [{"address": "127.0.0.9", "unitId": 300, "vendor": "", "productCode": "C",
                     "revision": "1", "productName": "N", "modelName": "M", "serverId": "x"},
                    {"address": "127.0.0.9", "unitId": 1, "vendor": "V", "productCode": "C",
                     "revision": "1", "productName": "N", "modelName": "M", "serverId": "x"}]}
        """);

    IOException e = assertThrows(IOException.class, () -> PlantDescription.read(file));

    String m = e.getMessage();
    assertTrue(m.contains("loopback address 127.0.0.1-254: '10.0.0.5'"), m);
    assertTrue(m.contains("unitId must be 0-255: 300"), m);
    assertTrue(m.contains("'vendor' must be 1-120 characters at 127.0.0.9"), m);
    assertTrue(m.contains("address used twice: 127.0.0.9"), m);
  }
}
