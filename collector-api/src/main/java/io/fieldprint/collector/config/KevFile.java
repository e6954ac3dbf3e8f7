package io.fieldprint.collector.config;

import io.fieldprint.advisories.prioritise.KevCatalog;
import java.nio.file.Path;

/**
 * The KEV catalog named by {@code advisories.kevFile}, read and checked with the configuration.
 *
 * @param file where it was read
 * @param catalog its content, stored at start
 */
public record KevFile(Path file, KevCatalog catalog) {
  @Override
  public String toString() {
    return file + " (catalog " + catalog.catalogVersion() + ", " + catalog.entries().size() + ")";
  }
}
