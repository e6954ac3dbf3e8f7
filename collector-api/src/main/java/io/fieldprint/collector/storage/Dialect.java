package io.fieldprint.collector.storage;

/**
 * The few places where SQLite and PostgreSQL differ. Upserts ({@code INSERT ... ON CONFLICT}) are
 * written once: both databases speak the same syntax.
 */
public enum Dialect {
  SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT", "", ""),
  POSTGRESQL(
      "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", " FOR UPDATE", " FOR UPDATE SKIP LOCKED");

  private final String serialKey;
  private final String lockRow;
  private final String claimRows;

  Dialect(String serialKey, String lockRow, String claimRows) {
    this.serialKey = serialKey;
    this.lockRow = lockRow;
    this.claimRows = claimRows;
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
   * Suffix that claims the selected rows for this transaction, skipping rows another collector
   * holds: background work (correlation, alert delivery) then runs once across collectors sharing
   * one PostgreSQL. Empty on SQLite, where one process owns the file and write transactions are
   * exclusive.
   */
  public String claimRows() {
    return claimRows;
  }
}
