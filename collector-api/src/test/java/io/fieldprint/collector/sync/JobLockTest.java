package io.fieldprint.collector.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.collector.storage.Dialect;
import io.fieldprint.collector.sync.JobLock.Job;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Job locks on a real PostgreSQL, as two collectors sharing it would take them. */
class JobLockTest {
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void aJobRoundRunsOnOneCollectorAtATimeWhileOtherJobsRunBeside() {
    DataSource db = postgres.getPostgresDatabase();
    JobLock one = new JobLock(db, Dialect.POSTGRESQL);
    JobLock two = new JobLock(db, Dialect.POSTGRESQL);
    List<String> ran = new ArrayList<>();
    boolean outer =
        one.runAlone(
            Job.ADVISORY_SYNC,
            () -> {
              ran.add("one:sync");
              if (two.runAlone(Job.ADVISORY_SYNC, () -> ran.add("two:sync"))) {
                ran.add("two:sync ran beside");
              }
              two.runAlone(Job.CORRELATION, () -> ran.add("two:correlation"));
            });
    assertTrue(outer);
    assertEquals(List.of("one:sync", "two:correlation"), ran);
    assertTrue(two.runAlone(Job.ADVISORY_SYNC, () -> ran.add("two:sync")), "released after");
  }

  @Test
  void aFailedRoundReleasesItsLock() {
    DataSource db = postgres.getPostgresDatabase();
    JobLock one = new JobLock(db, Dialect.POSTGRESQL);
    JobLock two = new JobLock(db, Dialect.POSTGRESQL);
    assertThrows(
        IllegalStateException.class,
        () ->
            one.runAlone(
                Job.ALERT_DELIVERY,
                () -> {
                  throw new IllegalStateException("destination down");
                }));
    boolean[] ran = {false};
    assertTrue(two.runAlone(Job.ALERT_DELIVERY, () -> ran[0] = true));
    assertTrue(ran[0]);
  }

  @Test
  void onSqliteEveryRoundRunsWithoutALock() {
    JobLock sqlite = new JobLock(postgres.getPostgresDatabase(), Dialect.SQLITE);
    boolean[] inner = {false};
    assertTrue(
        sqlite.runAlone(
            Job.CORRELATION, () -> inner[0] = sqlite.runAlone(Job.CORRELATION, () -> {})));
    assertTrue(inner[0], "a nested round runs: SQLite takes no lock");
  }
}
