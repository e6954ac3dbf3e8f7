package io.fieldprint.collector.storage;

import java.sql.Connection;
import java.sql.SQLException;

/** Appends to the audit log inside the caller's transaction. */
final class AuditLog {
  private AuditLog() {}

  static void append(Connection c, long at, String actor, String action, String site, String detail)
      throws SQLException {
    JdbcCollectorStore.update(
        c,
        "INSERT INTO audit_log (at, actor, action, site_id, detail) VALUES (?, ?, ?, ?, ?)",
        at,
        actor,
        action,
        site,
        detail);
  }
}
