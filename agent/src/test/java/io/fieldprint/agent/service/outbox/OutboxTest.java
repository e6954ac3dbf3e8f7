package io.fieldprint.agent.service.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
  private static final long MIB = 1024 * 1024;
  @TempDir Path dir;

  @Test
  void reportsSurviveAReopenAndLeaveOldestFirst() throws Exception {
    try (Outbox o = Outbox.open(dir, MIB)) {
      o.add("r1", Instant.EPOCH, "{\"a\":1}".getBytes());
      o.add("r2", Instant.EPOCH, "{\"a\":2}".getBytes());
    }
    try (Outbox o = Outbox.open(dir, MIB)) {
      assertEquals(2, o.count());
      OutboxEntry first = o.oldest().orElseThrow();
      assertEquals("r1", first.reportId());
      o.remove(first.sequence());
      assertEquals("r2", o.oldest().orElseThrow().reportId());
      assertEquals(7, o.bytes());
    }
  }

  @Test
  void whenFullTheOldestUnsentSnapshotsAreDroppedAndTheNewestKept() throws Exception {
    byte[] body = new byte[400 * 1024];
    try (Outbox o = Outbox.open(dir, MIB)) {
      assertEquals(0, o.add("r1", Instant.EPOCH, body));
      assertEquals(0, o.add("r2", Instant.EPOCH, body));
      assertEquals(1, o.add("r3", Instant.EPOCH, body));
      assertEquals(2, o.count());
      assertTrue(o.bytes() <= MIB);
      assertEquals("r2", o.oldest().orElseThrow().reportId());
      assertEquals(1, o.droppedTotal());
    }
  }

  @Test
  void aSingleReportLargerThanTheBoundIsStillKept() throws Exception {
    try (Outbox o = Outbox.open(dir, MIB)) {
      o.add("small", Instant.EPOCH, new byte[10]);
      assertEquals(1, o.add("huge", Instant.EPOCH, new byte[(int) (2 * MIB)]));
      assertEquals(1, o.count());
      assertEquals("huge", o.oldest().orElseThrow().reportId());
    }
  }
}
