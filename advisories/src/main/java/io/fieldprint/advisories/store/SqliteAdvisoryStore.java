package io.fieldprint.advisories.store;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.prioritise.EpssScore;
import io.fieldprint.advisories.prioritise.EpssScores;
import io.fieldprint.advisories.prioritise.KevCatalog;
import io.fieldprint.advisories.prioritise.KevEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The advisory store in one SQLite file (write-ahead log, schema by {@link SchemaMigrations}). One
 * connection, used by one thread at a time.
 */
public final class SqliteAdvisoryStore implements AdvisoryStore {
  private static final String SUMMARY_COLUMNS =
      "publisher_namespace, tracking_id, tracking_version, current_release_date, title, tlp,"
          + " origin, sha256, change_seq, stored_at";

  private final Connection connection;
  private final PrioritisationTables prioritisation;

  private SqliteAdvisoryStore(Connection connection) {
    this.connection = connection;
    this.prioritisation = new PrioritisationTables(connection);
  }

  /** Opens (creating when needed) the store at {@code file} and brings its schema up to date. */
  public static SqliteAdvisoryStore open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the folder of " + file, e);
    }
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA busy_timeout=10000");
      }
      SchemaMigrations.migrate(c);
      return new SqliteAdvisoryStore(c);
    } catch (SQLException e) {
      throw new StoreException("cannot open the advisory store " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized List<PutResult> putAll(List<AdvisorySubmission> submissions) {
    return inTransaction(
        () -> {
          List<PutResult> out = new ArrayList<>();
          for (AdvisorySubmission s : submissions) {
            out.add(putOne(s));
          }
          return out;
        });
  }

  private PutResult putOne(AdvisorySubmission s) throws SQLException {
    CsafDocument d = s.document();
    String id = d.tracking().id();
    String version = d.tracking().version();
    String sha = sha256(s.json());
    AdvisorySummary stored = summary(d.publisher().namespace(), id);
    if (stored == null) {
      write(s, sha, false);
      return new PutResult(PutResult.Outcome.IMPORTED, id, version, "new advisory");
    }
    int order =
        DocumentVersions.compare(
            d.tracking().currentReleaseDate(),
            version,
            stored.currentReleaseDate(),
            stored.version());
    if (order > 0) {
      write(s, sha, true);
      return new PutResult(
          PutResult.Outcome.UPDATED, id, version, "replaces version " + stored.version());
    }
    if (order == 0 && stored.sha256().equals(sha)) {
      return new PutResult(PutResult.Outcome.UNCHANGED, id, version, "same document");
    }
    String reason =
        order == 0
            ? "same version and release date as the stored one but other content; stored kept"
            : "older than the stored version " + stored.version() + "; stored kept";
    return new PutResult(PutResult.Outcome.IGNORED, id, version, reason);
  }

  private void write(AdvisorySubmission s, String sha, boolean replace) throws SQLException {
    CsafDocument d = s.document();
    String sql =
        replace
            ? "UPDATE advisory SET tracking_version=?, current_release_date=?, title=?, tlp=?,"
                + " origin=?, sha256=?, change_seq=?, stored_at=?, document=?"
                + " WHERE publisher_namespace=? AND tracking_id=?"
            : "INSERT INTO advisory (tracking_version, current_release_date, title, tlp, origin,"
                + " sha256, change_seq, stored_at, document, publisher_namespace, tracking_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement p = connection.prepareStatement(sql)) {
      Instant date = d.tracking().currentReleaseDate();
      p.setString(1, d.tracking().version());
      p.setString(2, date == null ? null : date.toString());
      p.setString(3, d.title());
      p.setString(4, d.tlpLabel());
      p.setString(5, s.origin());
      p.setString(6, sha);
      p.setLong(7, nextSequence());
      p.setString(8, Instant.now().toString());
      p.setBytes(9, s.json());
      p.setString(10, d.publisher().namespace());
      p.setString(11, d.tracking().id());
      p.executeUpdate();
    }
  }

  @Override
  public synchronized void recordRejections(List<Rejection.New> rejections) {
    inTransaction(
        () -> {
          try (PreparedStatement p =
              connection.prepareStatement(
                  "INSERT INTO advisory_rejection (change_seq, origin, tracking_id, reason,"
                      + " rejected_at) VALUES (?, ?, ?, ?, ?)")) {
            for (Rejection.New r : rejections) {
              p.setLong(1, nextSequence());
              p.setString(2, r.origin());
              p.setString(3, r.trackingId());
              p.setString(4, r.reason());
              p.setString(5, Instant.now().toString());
              p.executeUpdate();
            }
          }
          return null;
        });
  }

  @Override
  public synchronized Optional<StoredAdvisory> get(String trackingId) {
    List<StoredAdvisory> found =
        documents(
            "WHERE tracking_id = ? ORDER BY change_seq DESC LIMIT 1",
            p -> p.setString(1, trackingId));
    return found.stream().findFirst();
  }

  @Override
  public synchronized List<AdvisorySummary> list() {
    return query(
        "SELECT " + SUMMARY_COLUMNS + " FROM advisory ORDER BY tracking_id, publisher_namespace",
        p -> {},
        SqliteAdvisoryStore::summary);
  }

  @Override
  public synchronized void forEachCurrent(Consumer<StoredAdvisory> consumer) {
    String sql =
        "SELECT "
            + SUMMARY_COLUMNS
            + ", document FROM advisory ORDER BY tracking_id, publisher_namespace";
    try (PreparedStatement p = connection.prepareStatement(sql);
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        consumer.accept(new StoredAdvisory(summary(rs), rs.getBytes(11)));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read advisories: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized List<StoredAdvisory> changedSince(long sequence) {
    return documents("WHERE change_seq > ? ORDER BY change_seq", p -> p.setLong(1, sequence));
  }

  @Override
  public synchronized long sequence() {
    return query(
            "SELECT value FROM change_counter WHERE name = 'store'", p -> {}, rs -> rs.getLong(1))
        .get(0);
  }

  @Override
  public synchronized List<Rejection> rejections(int limit) {
    return query(
        "SELECT change_seq, origin, tracking_id, reason, rejected_at FROM advisory_rejection"
            + " ORDER BY change_seq DESC LIMIT ?",
        p -> p.setInt(1, limit),
        rs ->
            new Rejection(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Instant.parse(rs.getString(5))));
  }

  @Override
  public synchronized void replaceKev(KevCatalog catalog) {
    inTransaction(
        () -> {
          prioritisation.replaceKev(catalog);
          return null;
        });
  }

  @Override
  public synchronized void replaceEpss(EpssScores scores) {
    inTransaction(
        () -> {
          prioritisation.replaceEpss(scores);
          return null;
        });
  }

  @Override
  public synchronized Map<String, KevEntry> kev(Collection<String> cves) {
    return call(() -> prioritisation.kev(cves));
  }

  @Override
  public synchronized Map<String, EpssScore> epss(Collection<String> cves) {
    return call(() -> prioritisation.epss(cves));
  }

  @Override
  public synchronized Optional<FeedRelease> feed(String name) {
    return call(() -> prioritisation.feed(name));
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close the advisory store: " + e.getMessage(), e);
    }
  }

  private AdvisorySummary summary(String namespace, String trackingId) throws SQLException {
    List<AdvisorySummary> found =
        query(
            "SELECT "
                + SUMMARY_COLUMNS
                + " FROM advisory WHERE publisher_namespace = ? AND tracking_id = ?",
            p -> {
              p.setString(1, namespace);
              p.setString(2, trackingId);
            },
            SqliteAdvisoryStore::summary);
    return found.isEmpty() ? null : found.get(0);
  }

  private List<StoredAdvisory> documents(String where, SqlBinder binder) {
    return query(
        "SELECT " + SUMMARY_COLUMNS + ", document FROM advisory " + where,
        binder,
        rs -> new StoredAdvisory(summary(rs), rs.getBytes(11)));
  }

  private static AdvisorySummary summary(ResultSet rs) throws SQLException {
    String date = rs.getString(4);
    return new AdvisorySummary(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        date == null ? null : Instant.parse(date),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getLong(9),
        Instant.parse(rs.getString(10)));
  }

  private long nextSequence() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("UPDATE change_counter SET value = value + 1 WHERE name = 'store'");
      try (ResultSet rs = s.executeQuery("SELECT value FROM change_counter WHERE name = 'store'")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private <T> List<T> query(String sql, SqlBinder binder, SqlRow<T> row) {
    try (PreparedStatement p = connection.prepareStatement(sql)) {
      binder.bind(p);
      List<T> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(row.read(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("advisory store query failed: " + e.getMessage(), e);
    }
  }

  private <T> T inTransaction(SqlWork<T> work) {
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.run();
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("advisory store update failed: " + e.getMessage(), e);
    }
  }

  private static <T> T call(SqlWork<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw new StoreException("advisory store query failed: " + e.getMessage(), e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Sets the parameters of a statement. */
  interface SqlBinder {
    void bind(PreparedStatement p) throws SQLException;
  }

  /** Reads one row. */
  interface SqlRow<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Work inside a transaction. */
  interface SqlWork<T> {
    T run() throws SQLException;
  }
}
