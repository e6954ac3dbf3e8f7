package io.fieldprint.agent.service.outbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A report body as the outbox stores it: gzip-compressed. A report is indented JSON, which shrinks
 * about tenfold; stored as it is, a 13 MB body passes through the SQLite driver's JNI and SQLite
 * itself as several native copies of its full size when written and read back (bench/agent: about
 * 40 MiB more RSS at each 5-minute report, kept by malloc afterwards). Rows written before hold the
 * JSON as it was; the gzip magic number, which no JSON text starts with, tells them apart.
 */
final class StoredBody {
  private static final int GZIP_MAGIC_0 = 0x1f;
  private static final int GZIP_MAGIC_1 = 0x8b;

  private StoredBody() {}

  static byte[] pack(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(512, body.length / 8));
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
      gzip.write(body);
    }
    return out.toByteArray();
  }

  /**
   * The body of a stored row whose uncompressed size is {@code size} (the outbox's {@code bytes}
   * column): exactly that many bytes are inflated, never more.
   */
  static byte[] unpack(byte[] stored, long size) throws IOException {
    if (stored.length < 2
        || (stored[0] & 0xff) != GZIP_MAGIC_0
        || (stored[1] & 0xff) != GZIP_MAGIC_1) {
      return stored;
    }
    if (size < 0 || size > Integer.MAX_VALUE - 8) {
      throw new IOException("stored report of impossible size " + size);
    }
    byte[] body = new byte[(int) size];
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored), 64 * 1024)) {
      int read = in.readNBytes(body, 0, body.length);
      if (read != body.length || in.read() != -1) {
        throw new IOException("stored report does not inflate to its recorded " + size + " bytes");
      }
    }
    return body;
  }
}
