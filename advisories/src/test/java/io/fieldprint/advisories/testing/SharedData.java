package io.fieldprint.advisories.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates the shared advisories in {@code shared/data/csaf}, below the shared data folder that
 * {@link io.fieldprint.protocols.testing.SharedData} finds. Tests that need them are skipped, with
 * a visible message, only when the folder is absent.
 */
public final class SharedData {
  private SharedData() {}

  /** The {@code shared/data/csaf} folder, or a skipped test when it is absent. */
  public static Path csaf() {
    Path csaf = io.fieldprint.protocols.testing.SharedData.root().resolve("csaf");
    assumeTrue(
        Files.isDirectory(csaf),
        () -> "SKIPPED: shared advisories not found at " + csaf + " (tests on real data need it)");
    return csaf;
  }

  /** The CISA OT TLP:WHITE documents, sorted by path. */
  public static List<Path> cisaDocuments() {
    return jsonUnder(csaf().resolve("cisa/csaf_files/OT/white")).stream()
        .filter(p -> p.getParent().getFileName().toString().matches("\\d{4}"))
        .toList();
  }

  /** A file under {@code shared/data/csaf}, failing when it is missing. */
  public static Path file(String relative) {
    Path p = csaf().resolve(relative);
    if (!Files.isRegularFile(p)) {
      throw new AssertionError("shared file missing: " + p);
    }
    return p;
  }

  /** All {@code .json} files under a folder, sorted by path. */
  public static List<Path> jsonUnder(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
