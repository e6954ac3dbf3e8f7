package io.fieldprint.agent.cli;

import io.fieldprint.advisories.store.SqliteAdvisoryStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --store PATH} option: the advisory store file. Default: {@code
 * $XDG_DATA_HOME/fieldprint/advisories.db}, or {@code ~/.local/share/fieldprint/advisories.db} when
 * {@code XDG_DATA_HOME} is not set.
 */
final class StoreOption {
  @Option(
      names = "--store",
      paramLabel = "PATH",
      description =
          "advisory store file (SQLite); default: $XDG_DATA_HOME/fieldprint/advisories.db or"
              + " ~/.local/share/fieldprint/advisories.db")
  Path store;

  /** The store file this run uses. */
  Path file() {
    if (store != null) {
      return store;
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    Path data =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".local", "share");
    return data.resolve("fieldprint").resolve("advisories.db");
  }

  /** Opens (creating when needed) the store. */
  SqliteAdvisoryStore open() {
    return SqliteAdvisoryStore.open(file());
  }
}
