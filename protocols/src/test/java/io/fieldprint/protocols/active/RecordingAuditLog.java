package io.fieldprint.protocols.active;

import java.util.ArrayList;
import java.util.List;

/** Keeps audit records in memory. */
final class RecordingAuditLog implements AuditLog {

  private final List<AuditRecord> records = new ArrayList<>();

  @Override
  public synchronized void append(AuditRecord record) {
    records.add(record);
  }

  synchronized List<AuditRecord> records() {
    return List.copyOf(records);
  }
}
