package io.fieldprint.collector.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the collector keeps its data.
 *
 * @param kind {@link Kind#SQLITE} (default, a file in the data directory) or {@link
 *     Kind#POSTGRESQL}
 * @param sqliteFile the SQLite database file (resolved against the data directory)
 * @param postgresql connection settings, present when {@code kind} is PostgreSQL
 * @param poolSize JDBC connections in the pool (and threads of the database worker pool)
 */
public record Storage(Kind kind, Path sqliteFile, Optional<Postgresql> postgresql, int poolSize) {
  public static final String DEFAULT_SQLITE_FILE = "collector.db";
  public static final int DEFAULT_POOL_SIZE = 8;

  /** The database engine. */
  public enum Kind {
    SQLITE,
    POSTGRESQL
  }

  /**
   * PostgreSQL connection settings.
   *
   * @param url JDBC URL, {@code jdbc:postgresql://host:5432/db}
   * @param user database user
   * @param password the password read from {@code passwordFile}, empty when none is configured;
   *     never logged ({@link #toString()} masks it)
   */
  public record Postgresql(String url, String user, Optional<String> password) {
    @Override
    public String toString() {
      return "Postgresql[url="
          + url
          + ", user="
          + user
          + ", password="
          + password.map(p -> "****").orElse("none")
          + "]";
    }
  }
}
