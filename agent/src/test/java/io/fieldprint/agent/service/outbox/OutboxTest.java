package io.fieldprint.agent.service.outbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
  private static final long MIB = 1024 * 1024;
  @TempDir Path dir;

  @Test
  void reportsSurviveAReopenAndLeaveOldestFirst() throws Exception {
    try (Outbox o = Outbox.open(dir, MIB)) {
      o.add("r1", Instant.EPOCH, StoredBody.compress("{\"a\":1}".getBytes()));
      o.add("r2", Instant.EPOCH, StoredBody.compress("{\"a\":2}".getBytes()));
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
      assertEquals(0, o.add("r1", Instant.EPOCH, StoredBody.compress(body)));
      assertEquals(0, o.add("r2", Instant.EPOCH, StoredBody.compress(body)));
      assertEquals(1, o.add("r3", Instant.EPOCH, StoredBody.compress(body)));
      assertEquals(2, o.count());
      assertTrue(o.bytes() <= MIB);
      assertEquals("r2", o.oldest().orElseThrow().reportId());
      assertEquals(1, o.droppedTotal());
    }
  }

  @Test
  void aSingleReportLargerThanTheBoundIsStillKept() throws Exception {
    try (Outbox o = Outbox.open(dir, MIB)) {
      o.add("small", Instant.EPOCH, StoredBody.compress(new byte[10]));
      assertEquals(1, o.add("huge", Instant.EPOCH, StoredBody.compress(new byte[(int) (2 * MIB)])));
      assertEquals(1, o.count());
      assertEquals("huge", o.oldest().orElseThrow().reportId());
    }
  }

  private static String indentedReport(int assets) {
    StringBuilder json = new StringBuilder("{\n  \"assets\" : [");
    for (int i = 0; i < assets; i++) {
      json.append(i == 0 ? "" : ",")
          .append("\n    {\n      \"uid\" : \"asset-")
          .append(i)
          .append(
              "\",\n      \"vendor\" : \"Siemens\",\n      \"model\" : \"6ES7 315-2EH14-0AB0\"\n    }");
    }
    return json.append("\n  ]\n}").toString();
  }

  @Test
  void aBodyIsStoredCompressedAndComesBackByteForByte() throws Exception {
    byte[] body = indentedReport(5_000).getBytes(StandardCharsets.UTF_8);
    try (Outbox o = Outbox.open(dir, 64 * MIB)) {
      o.add("r1", Instant.EPOCH, StoredBody.compress(body));
      assertEquals(body.length, o.bytes(), "the bound counts the body as sent");
      StoredBody stored = o.oldest().orElseThrow().body();
      assertTrue(stored.compressed(), "sent as it is stored, with Content-Encoding: gzip");
      assertArrayEquals(body, stored.json());
    }
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("outbox.db"));
        Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT length(body), bytes FROM outbox")) {
      r.next();
      assertEquals(body.length, r.getLong(2));
      assertTrue(r.getLong(1) * 5 < body.length, "stored " + r.getLong(1) + " of " + body.length);
    }
  }

  @Test
  void aBodyStoredUncompressedByAnEarlierVersionIsSentAsItIs() throws Exception {
    try (Outbox o = Outbox.open(dir, MIB)) {
      assertEquals(0, o.count());
    }
    byte[] body = "{\"reportId\":\"old\"}".getBytes(StandardCharsets.UTF_8);
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("outbox.db"));
        PreparedStatement p =
            db.prepareStatement(
                "INSERT INTO outbox (report_id, created_at, bytes, body) VALUES (?, 0, ?, ?)")) {
      p.setString(1, "old");
      p.setLong(2, body.length);
      p.setBytes(3, body);
      p.executeUpdate();
    }
    try (Outbox o = Outbox.open(dir, MIB)) {
      StoredBody stored = o.oldest().orElseThrow().body();
      assertFalse(stored.compressed(), "sent as plain JSON, without Content-Encoding");
      assertArrayEquals(body, stored.bytes());
      assertArrayEquals(body, stored.json());
    }
  }
}
