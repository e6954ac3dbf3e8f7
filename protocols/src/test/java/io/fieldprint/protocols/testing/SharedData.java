package io.fieldprint.protocols.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real captures and advisories in {@code ../shared/data}. Tests that need them are
 * skipped, with a visible message, only when the shared folder is absent; {@code .ci/run} fails in
 * that case so CI always runs them.
 */
public final class SharedData {
  private SharedData() {}

  /** The {@code shared/data} folder, or a skipped test when it is absent. */
  public static Path root() {
    String configured = System.getProperty("fieldprint.shared");
    Path shared = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
    Path data = shared.resolve("data").toAbsolutePath().normalize();
    assumeTrue(
        Files.isDirectory(data),
        () -> "SKIPPED: shared test data not found at " + data + " (tests on real data need it)");
    return data;
  }

  /** A capture under {@code shared/data/pcaps}, e.g. {@code icsnpp-modbus/modbus_example.pcap}. */
  public static Path pcap(String relative) {
    Path p = root().resolve("pcaps").resolve(relative);
    if (!Files.isRegularFile(p)) {
      throw new AssertionError("shared capture missing: " + p);
    }
    return p;
  }
}
