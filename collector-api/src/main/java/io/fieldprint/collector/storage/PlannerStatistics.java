package io.fieldprint.collector.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes PostgreSQL's planner statistics of the asset tables each time the assets table has
 * doubled since they were taken (from {@link #FIRST_ANALYZE_ROWS} rows on), on a short-lived thread
 * of its own so no report waits for it.
 *
 * <p>Why: autovacuum analyses a table at most once a minute. Until then the plans PostgreSQL made
 * while the table was nearly empty stay cached on every pooled connection, and the foreign-key
 * check of each event and evidence row then reads all of a site's assets through one of the {@code
 * (site_id, ...)} indexes instead of the primary key (without statistics both look like one row): 2
 * ms a row at 20,000 assets in the benchmark, which stalled a site's first minute of reports for
 * seconds. An {@code ANALYZE} gives the planner the real distribution and invalidates those cached
 * plans.
 */
final class PlannerStatistics {
  private static final Logger LOG = LoggerFactory.getLogger(PlannerStatistics.class);

  /** The first analysis: enough rows for the statistics to tell the indexes apart. */
  static final long FIRST_ANALYZE_ROWS = 500;

  private static final String ANALYZE = "ANALYZE assets, asset_evidence, asset_events";
  private static final String ROWS =
      "SELECT reltuples FROM pg_class WHERE oid = 'assets'::regclass";

  private final DataSource dataSource;
  private final AtomicLong createdSince = new AtomicLong();
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile Thread refreshing;
  private volatile long analyzedRows = -1;

  PlannerStatistics(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Counts {@code n} new assets committed; starts an analysis when the table has doubled. */
  void assetsCreated(int n) {
    if (n <= 0) {
      return;
    }
    long created = createdSince.addAndGet(n);
    long base = analyzedRows;
    if ((base < 0 || created >= Math.max(FIRST_ANALYZE_ROWS, base))
        && running.compareAndSet(false, true)) {
      Thread t = new Thread(this::refresh, "fieldprint-analyze");
      t.setDaemon(true);
      refreshing = t;
      t.start();
    }
  }

  /** Blocks until the analysis in progress, if any, has finished (for tests). */
  void awaitIdle() throws InterruptedException {
    Thread t = refreshing;
    if (t != null) {
      t.join();
    }
  }

  private void refresh() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      long stored = rows(s);
      if (analyzedRows < 0) {
        // first call since start: the statistics may be recent (a restart), or absent
        analyzedRows = stored;
        if (stored >= 0 && createdSince.get() < Math.max(FIRST_ANALYZE_ROWS, stored)) {
          return;
        }
      }
      long created = createdSince.get();
      s.execute(ANALYZE);
      createdSince.addAndGet(-created);
      analyzedRows = Math.max(0, rows(s));
      LOG.debug("planner statistics refreshed at about {} assets", analyzedRows);
    } catch (SQLException | RuntimeException e) {
      // tried again only after the table has grown as much once more, not on every report
      createdSince.set(0);
      analyzedRows = Math.max(FIRST_ANALYZE_ROWS, analyzedRows * 2);
      LOG.warn("refreshing the planner statistics of the asset tables failed: {}", e.toString());
    } finally {
      running.set(false);
    }
  }

  /** The assets table's row count as the statistics know it; -1 when never analysed. */
  private static long rows(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery(ROWS)) {
      return rs.next() ? (long) Math.floor(rs.getDouble(1)) : -1;
    }
  }
}
