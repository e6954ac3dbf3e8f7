package io.fieldprint.collector.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.collector.config.Storage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalCheckpointsTest {
  @TempDir Path dir;

  /** About 100 pages of 4 KiB. */
  private static final int ROWS_PER_COMMIT = 100;

  @Test
  void committingConnectionsLeaveTheLogToTheCheckpointThread() throws Exception {
    Path file = dir.resolve("c.db");
    try (Database db = Database.open(sqlite(file))) {
      createTable(db.dataSource());
    }
    // the pool's setting on a connection of our own, with no checkpoint thread running
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute(WalCheckpoints.WRITER_SETTING);
      for (int i = 0; i < 30; i++) {
        commitRows(c);
      }
      try (ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
        rs.next();
        // SQLite's default would have copied the log in a commit every 1,000 pages
        assertTrue(rs.getInt(2) > 3_000, "pages in the log: " + rs.getInt(2));
        assertEquals(rs.getInt(2), rs.getInt(3), "pages copied by one passive checkpoint");
      }
    }
  }

  @Test
  void theCheckpointThreadCopiesWhatWritersCommitWhileTheyKeepCommitting() throws Exception {
    Path file = dir.resolve("c.db");
    try (Database db = Database.open(sqlite(file))) {
      createTable(db.dataSource());
      Path shm = dir.resolve("c.db-shm");
      for (int i = 0; i < 20; i++) {
        db.writers().write(WriterQueue.Lane.REQUEST, () -> commitRows(db.dataSource()));
      }
      long deadline = System.nanoTime() + 10_000_000_000L;
      WalIndex index = WalIndex.read(shm);
      while (index.backfilled() < index.logPages() && System.nanoTime() < deadline) {
        Thread.sleep(50);
        index = WalIndex.read(shm);
      }
      // well below WRITER_PAGES: no commit has checkpointed, only the thread can have copied
      assertTrue(index.logPages() >= 20 * ROWS_PER_COMMIT, "log pages: " + index.logPages());
      assertEquals(index.logPages(), index.backfilled(), "log pages copied into the database file");
    }
  }

  @Test
  void aLongLogStartsAgainFromItsBeginningWhileWritersCommitBackToBack() throws Exception {
    Path file = dir.resolve("c.db");
    try (Database db = Database.open(sqlite(file))) {
      createTable(db.dataSource());
      Path shm = dir.resolve("c.db-shm");
      // writers committing back to back never begin with the whole log copied, so SQLite would
      // start it again only at WRITER_PAGES, in a commit
      int longest = 0;
      boolean restarted = false;
      int commits = (WalCheckpoints.WRITER_PAGES - ROWS_PER_COMMIT) / ROWS_PER_COMMIT - 10;
      long deadline = System.nanoTime() + 20_000_000_000L;
      for (int i = 0; i < commits && !restarted && System.nanoTime() < deadline; i++) {
        db.writers().write(WriterQueue.Lane.REQUEST, () -> commitRows(db.dataSource()));
        int pages = WalIndex.read(shm).logPages();
        restarted = pages < longest;
        longest = Math.max(longest, pages);
        if (i > 0 && i % (commits / 4) == 0) {
          // let the checkpoint thread have a round or two on a slow machine
          Thread.sleep(WalCheckpoints.INTERVAL.toMillis());
        }
      }
      assertTrue(restarted, "the log grew to " + longest + " pages and never started again");
      assertTrue(longest >= WalCheckpoints.RESTART_PAGES, "log pages at most " + longest);
      assertTrue(longest < WalCheckpoints.WRITER_PAGES, "a commit had to checkpoint");
    }
  }

  @Test
  void closingLeavesEveryCommitInTheDatabaseFileAndAnEmptyLog() throws Exception {
    Path file = dir.resolve("c.db");
    try (Database db = Database.open(sqlite(file))) {
      createTable(db.dataSource());
      try (Connection c = db.dataSource().getConnection()) {
        for (int i = 0; i < 5; i++) {
          commitRows(c);
        }
      }
    }
    Path wal = dir.resolve("c.db-wal");
    assertEquals(0L, Files.exists(wal) ? Files.size(wal) : 0L, "log bytes after close");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM filler")) {
      rs.next();
      assertEquals(5 * ROWS_PER_COMMIT, rs.getInt(1));
    }
  }

  private static Storage sqlite(Path file) {
    return new Storage(Storage.Kind.SQLITE, file, Optional.empty(), 2);
  }

  private static void createTable(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, body BLOB NOT NULL)");
    }
  }

  /** The log length and copied pages SQLite keeps in the shared-memory file (walformat.html). */
  private record WalIndex(int logPages, int backfilled) {
    static WalIndex read(Path shm) throws IOException {
      ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(shm)).order(ByteOrder.nativeOrder());
      // WalIndexHdr.mxFrame at 16; WalCkptInfo.nBackfill after the header's two copies, at 96
      return new WalIndex(b.getInt(16), b.getInt(96));
    }
  }

  private static boolean commitRows(DataSource ds) {
    try (Connection c = ds.getConnection()) {
      commitRows(c);
      return true;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void commitRows(Connection c) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO filler (body) VALUES (?)")) {
      for (int i = 0; i < ROWS_PER_COMMIT; i++) {
        ps.setBytes(1, new byte[3_900]);
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
    } finally {
      c.setAutoCommit(auto);
    }
  }
}
