package io.fieldprint.agent.service.outbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A report body as the outbox stores and sends it: gzip-compressed JSON, sent as it is with {@code
 * Content-Encoding: gzip}, so the agent never holds a report uncompressed again after writing it. A
 * compact report shrinks about tenfold; held uncompressed, a 9 MB body costs its size several times
 * over in heap, in the SQLite driver's JNI copies and in SQLite itself (bench/agent). Rows written
 * by earlier versions hold the JSON as it was; the gzip magic number, which no JSON text starts
 * with, tells them apart.
 *
 * @param bytes the stored bytes: a gzip member, or plain JSON from an earlier version
 * @param size the JSON's size in bytes, what the outbox's bound counts
 */
public record StoredBody(byte[] bytes, long size) {
  private static final int GZIP_MAGIC_0 = 0x1f;
  private static final int GZIP_MAGIC_1 = 0x8b;

  /** Compresses a JSON body held in memory (small bodies, tests). */
  public static StoredBody compress(byte[] json) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(512, json.length / 8));
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
      gzip.write(json);
    }
    return new StoredBody(out.toByteArray(), json.length);
  }

  /** True when {@link #bytes()} are gzip, to be sent with {@code Content-Encoding: gzip}. */
  public boolean compressed() {
    return bytes.length >= 2
        && (bytes[0] & 0xff) == GZIP_MAGIC_0
        && (bytes[1] & 0xff) == GZIP_MAGIC_1;
  }

  /**
   * The JSON, inflated: exactly {@link #size()} bytes are inflated, never more (local use and
   * tests; the sender sends {@link #bytes()} as they are).
   */
  public byte[] json() throws IOException {
    if (!compressed()) {
      return bytes;
    }
    if (size < 0 || size > Integer.MAX_VALUE - 8) {
      throw new IOException("stored report of impossible size " + size);
    }
    byte[] body = new byte[(int) size];
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 64 * 1024)) {
      int read = in.readNBytes(body, 0, body.length);
      if (read != body.length || in.read() != -1) {
        throw new IOException("stored report does not inflate to its recorded " + size + " bytes");
      }
    }
    return body;
  }
}
