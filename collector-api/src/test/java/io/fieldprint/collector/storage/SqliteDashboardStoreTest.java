package io.fieldprint.collector.storage;

import io.fieldprint.collector.config.Storage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard queries on a SQLite file configured as the collector configures it. */
class SqliteDashboardStoreTest extends DashboardStoreContract {
  @TempDir Path dir;
  private final List<Database> opened = new ArrayList<>();

  @Override
  DataSource freshDatabase() {
    Database db =
        Database.open(new Storage(Storage.Kind.SQLITE, dir.resolve("c.db"), Optional.empty(), 4));
    opened.add(db);
    return db.dataSource();
  }

  @Override
  Dialect dialect() {
    return Dialect.SQLITE;
  }

  @AfterEach
  void close() {
    opened.forEach(Database::close);
  }
}
