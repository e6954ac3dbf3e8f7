package io.fieldprint.collector.storage;

/**
 * The few places where SQLite and PostgreSQL differ. Upserts ({@code INSERT ... ON CONFLICT}) are
 * written once: both databases speak the same syntax.
 */
public enum Dialect {
  SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT", ""),
  POSTGRESQL("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", " FOR UPDATE");

  private final String serialKey;
  private final String lockRow;

  Dialect(String serialKey, String lockRow) {
    this.serialKey = serialKey;
    this.lockRow = lockRow;
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
}
