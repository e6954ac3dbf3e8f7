package io.fieldprint.collector.storage;

/**
 * The few places where SQLite and PostgreSQL differ. Upserts ({@code INSERT ... ON CONFLICT}) are
 * written once: both databases speak the same syntax.
 */
public enum Dialect {
  SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT", "", "", null, null),
  POSTGRESQL(
      "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
      " FOR UPDATE",
      " FOR UPDATE SKIP LOCKED",
      "SELECT pg_advisory_xact_lock_shared(?)",
      "SELECT pg_advisory_xact_lock(?)");

  /** The advisory-lock key that orders advisory changes against correlation batches. */
  public static final long ADVISORIES_LOCK = 0x66707276L;

  /** The advisory-lock key of the silence check: one collector runs it at a time. */
  static final long SILENCE_LOCK = 0x66707369L;

  private final String serialKey;
  private final String lockRow;
  private final String claimRows;

  private final String sharedLock;
  private final String exclusiveLock;

  Dialect(
      String serialKey, String lockRow, String claimRows, String sharedLock, String exclusiveLock) {
    this.serialKey = serialKey;
    this.lockRow = lockRow;
    this.claimRows = claimRows;
    this.sharedLock = sharedLock;
    this.exclusiveLock = exclusiveLock;
  }

  /**
   * Takes the transaction-scoped lock {@code key}, shared or exclusive, where the database has such
   * locks (PostgreSQL advisory locks); a no-op on SQLite, whose write transactions are already
   * exclusive. Correlation batches hold it shared and advisory changes exclusively, so an advisory
   * is never stored while a batch that read the older set is still open (that batch's assets would
   * otherwise be marked correlated without it).
   */
  void lock(java.sql.Connection c, long key, boolean shared) throws java.sql.SQLException {
    String sql = shared ? sharedLock : exclusiveLock;
    if (sql == null) {
      return;
    }
    try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, key);
      ps.execute();
    }
  }

  /**
   * Tries to take the exclusive transaction-scoped lock {@code key} without waiting; true when
   * taken. Always true on SQLite, where one process owns the file and write transactions are
   * exclusive.
   */
  boolean tryLock(java.sql.Connection c, long key) throws java.sql.SQLException {
    if (exclusiveLock == null) {
      return true;
    }
    try (java.sql.PreparedStatement ps =
        c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
      ps.setLong(1, key);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /** Column definition of an auto-increment primary key (migration placeholder). */
  public String serialKey() {
    return serialKey;
  }

  /**
   * Suffix that locks the selected row until commit. Empty on SQLite, whose write transactions are
   * IMMEDIATE and so already exclusive.
   */
  public String lockRow() {
    return lockRow;
  }

  /**
   * Whether concurrent write transactions lock rows and so must take them in one order
   * (PostgreSQL); false on SQLite, where write transactions run one at a time.
   */
  public boolean locksRows() {
    return !lockRow.isEmpty();
  }

  /**
   * Suffix that claims the selected rows for this transaction, skipping rows another collector
   * holds: background work (correlation, alert delivery) then runs once across collectors sharing
   * one PostgreSQL. Empty on SQLite, where one process owns the file and write transactions are
   * exclusive.
   */
  public String claimRows() {
    return claimRows;
  }
}
