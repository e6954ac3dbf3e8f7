package io.fieldprint.advisories.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * Brings a database to the current schema by applying, in order and each in its own transaction,
 * the numbered SQL scripts it has not applied yet; {@code schema_migration} records what was
 * applied. A database from a newer fieldprint (a higher version than known) is refused rather than
 * used.
 */
final class SchemaMigrations {
  /** The scripts, in order; script N is {@code migrations/V<N>__<name>.sql}. */
  static final List<String> SCRIPTS = List.of("V1__advisories.sql", "V2__prioritisation.sql");

  private SchemaMigrations() {}

  /** Applies the missing scripts; returns the schema version reached. */
  static int migrate(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER NOT NULL PRIMARY KEY,"
              + " script TEXT NOT NULL, applied_at TEXT NOT NULL)");
    }
    int current = current(c);
    if (current > SCRIPTS.size()) {
      throw new SQLException(
          "the store has schema version " + current + "; this fieldprint knows " + SCRIPTS.size());
    }
    for (int v = current + 1; v <= SCRIPTS.size(); v++) {
      apply(c, v, SCRIPTS.get(v - 1));
    }
    return SCRIPTS.size();
  }

  private static int current(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_migration")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void apply(Connection c, int version, String script) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      for (String sql : statements(script)) {
        s.execute(sql);
      }
      try (PreparedStatement p =
          c.prepareStatement("INSERT INTO schema_migration VALUES (?, ?, ?)")) {
        p.setInt(1, version);
        p.setString(2, script);
        p.setString(3, Instant.now().toString());
        p.executeUpdate();
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw new SQLException("migration " + script + " failed: " + e.getMessage(), e);
    } finally {
      c.setAutoCommit(auto);
    }
  }

  /** The statements of a script: split at semicolons ending a line; comment lines dropped. */
  static List<String> statements(String script) {
    String text = load(script);
    StringBuilder clean = new StringBuilder();
    text.lines()
        .filter(l -> !l.strip().startsWith("--"))
        .forEach(l -> clean.append(l).append('\n'));
    return List.of(clean.toString().split(";\\s*\n")).stream()
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static String load(String script) {
    String resource = "/io/fieldprint/advisories/store/migrations/" + script;
    try (InputStream in = SchemaMigrations.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing migration resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration " + resource, e);
    }
  }
}
