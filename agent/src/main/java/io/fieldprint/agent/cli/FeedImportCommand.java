package io.fieldprint.agent.cli;

import io.fieldprint.advisories.prioritise.EpssReader;
import io.fieldprint.advisories.prioritise.EpssScores;
import io.fieldprint.advisories.prioritise.FeedFile;
import io.fieldprint.advisories.prioritise.KevCatalog;
import io.fieldprint.advisories.prioritise.KevReader;
import io.fieldprint.advisories.store.SqliteAdvisoryStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code fieldprint advisories import-kev FILE} and {@code import-epss FILE}. */
abstract class FeedImportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption storeOption;

  @Parameters(paramLabel = "FILE", description = "the file as published")
  Path file;

  @Override
  public Integer call() throws IOException {
    FeedFile<?> read = read();
    if (read instanceof FeedFile.Rejected<?> r) {
      spec.commandLine().getErr().println("fieldprint: " + file + " not imported: " + r.reason());
      return FieldprintCommand.EXIT_FAILURE;
    }
    String done;
    try (SqliteAdvisoryStore store = storeOption.open()) {
      done = store(store, ((FeedFile.Parsed<?>) read).value());
    }
    spec.commandLine().getOut().println(done + " into " + storeOption.file());
    return FieldprintCommand.EXIT_OK;
  }

  abstract FeedFile<?> read() throws IOException;

  abstract String store(SqliteAdvisoryStore store, Object value);

  @Command(
      name = "import-kev",
      mixinStandardHelpOptions = true,
      description = {
        "Replaces the KEV table with a CISA Known Exploited Vulnerabilities catalog"
            + " (known_exploited_vulnerabilities.json).",
        "A damaged catalog is refused whole and the previous table stays."
      })
  static final class Kev extends FeedImportCommand {
    @Override
    FeedFile<?> read() throws IOException {
      if (Files.size(file) > KevReader.MAX_BYTES) {
        return new FeedFile.Rejected<KevCatalog>("larger than " + KevReader.MAX_BYTES + " bytes");
      }
      return KevReader.read(Files.readAllBytes(file));
    }

    @Override
    String store(SqliteAdvisoryStore store, Object value) {
      KevCatalog c = (KevCatalog) value;
      store.replaceKev(c);
      return "KEV catalog " + c.catalogVersion() + ": " + c.entries().size() + " CVEs";
    }
  }

  @Command(
      name = "import-epss",
      mixinStandardHelpOptions = true,
      description = {
        "Replaces the EPSS table with a FIRST EPSS score file (CSV, or .csv.gz).",
        "A damaged file is refused whole and the previous table stays."
      })
  static final class Epss extends FeedImportCommand {
    @Override
    FeedFile<?> read() throws IOException {
      try (InputStream in = Files.newInputStream(file)) {
        return EpssReader.read(in);
      }
    }

    @Override
    String store(SqliteAdvisoryStore store, Object value) {
      EpssScores s = (EpssScores) value;
      store.replaceEpss(s);
      return "EPSS scores "
          + s.modelVersion()
          + " of "
          + s.scoreDate()
          + ": "
          + s.scores().size()
          + " CVEs";
    }
  }
}
