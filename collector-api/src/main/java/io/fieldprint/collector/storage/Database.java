package io.fieldprint.collector.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.fieldprint.collector.config.Storage;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The connection pool and schema of the collector's database. Opening migrates the schema to the
 * newest version (Flyway; {@code db/migration/common} plus the dialect's own directory).
 */
public final class Database implements AutoCloseable {
  /**
   * PostgreSQL driver settings: a report's batched inserts (assets, evidence, events) become
   * multi-row INSERTs, one statement per 128 rows instead of one per row. The store contract tests
   * connect with the same settings.
   */
  public static final Map<String, String> POSTGRESQL_DRIVER =
      Map.of("reWriteBatchedInserts", "true");

  /**
   * Connections added on PostgreSQL for the background jobs' locks
   * (io.fieldprint.collector.sync.JobLock).
   */
  public static final int JOB_LOCK_CONNECTIONS = 2;

  private final HikariDataSource pool;
  private final Dialect dialect;
  private final WriterQueue writers;
  private final WalCheckpoints checkpoints;

  private Database(
      HikariDataSource pool, Dialect dialect, WriterQueue writers, WalCheckpoints checkpoints) {
    this.pool = pool;
    this.dialect = dialect;
    this.writers = writers;
    this.checkpoints = checkpoints;
  }

  /** Opens the database the configuration names and migrates it. */
  public static Database open(Storage storage) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("fieldprint-db");
    hikari.setMaximumPoolSize(storage.poolSize());
    Dialect dialect;
    if (storage.kind() == Storage.Kind.SQLITE) {
      dialect = Dialect.SQLITE;
      hikari.setJdbcUrl("jdbc:sqlite:" + storage.sqliteFile());
      // WAL lets readers run beside the one writer; IMMEDIATE takes the write lock at BEGIN, so a
      // transaction never fails half-way on a lock upgrade and waits (busy_timeout) instead
      hikari.addDataSourceProperty("journal_mode", "WAL");
      hikari.addDataSourceProperty("synchronous", "NORMAL");
      hikari.addDataSourceProperty("foreign_keys", "true");
      hikari.addDataSourceProperty("busy_timeout", "30000");
      hikari.addDataSourceProperty("transaction_mode", "IMMEDIATE");
      // commits leave the log to WalCheckpoints' thread
      hikari.setConnectionInitSql(WalCheckpoints.WRITER_SETTING);
    } else {
      dialect = Dialect.POSTGRESQL;
      // the background jobs' session locks (sync; correlation or delivery) each hold one
      hikari.setMaximumPoolSize(storage.poolSize() + JOB_LOCK_CONNECTIONS);
      Storage.Postgresql pg = storage.postgresql().orElseThrow();
      hikari.setJdbcUrl(pg.url());
      POSTGRESQL_DRIVER.forEach(hikari::addDataSourceProperty);
      hikari.setUsername(pg.user());
      pg.password().ifPresent(hikari::setPassword);
    }
    HikariDataSource pool = new HikariDataSource(hikari);
    try {
      migrate(pool, dialect);
      WriterQueue writers = WriterQueue.forDialect(dialect);
      WalCheckpoints checkpoints =
          dialect == Dialect.SQLITE ? WalCheckpoints.start(hikari.getJdbcUrl(), writers) : null;
      return new Database(pool, dialect, writers, checkpoints);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  static void migrate(DataSource dataSource, Dialect dialect) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(
            "classpath:db/migration/common",
            "classpath:db/migration/" + dialect.name().toLowerCase(Locale.ROOT))
        .placeholders(Map.of("serial_key", dialect.serialKey()))
        .load()
        .migrate();
  }

  public DataSource dataSource() {
    return pool;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The queue every store writing to this database must share. */
  public WriterQueue writers() {
    return writers;
  }

  @Override
  public void close() {
    pool.close();
    if (checkpoints != null) {
      checkpoints.close();
    }
  }
}
