package io.fieldprint.agent.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedPlantTest {

  @Test
  void thePlantListensOnOneLoopbackAddressPerDeviceAndClosingTwiceFreesEveryPort()
      throws Exception {
    PlantDescription description =
        PlantDescription.read(
            Path.of(System.getProperty("fieldprint.root", "..")).resolve("config/demo/plant.json"));
    SimulatedPlant plant = SimulatedPlant.start(description);
    List<URI> targets = plant.targets().stream().map(URI::create).toList();
    try {
      assertEquals(
          List.of("127.0.0.11", "127.0.0.12", "127.0.0.13", "127.0.0.21", "127.0.0.22"),
          targets.stream().map(URI::getHost).toList());
      for (URI target : targets) {
        try (Socket s = new Socket(target.getHost(), target.getPort())) {
          assertEquals(target.getPort(), s.getPort());
        }
      }
    } finally {
      plant.close();
    }
    plant.close();
    for (URI target : targets) {
      assertThrows(
          ConnectException.class,
          () -> new Socket(target.getHost(), target.getPort()).close(),
          target.toString());
    }
  }
}
