package io.fieldprint.collector.storage;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** The advisory-lock keys of sites: one per site, apart from every other key the store uses. */
final class SiteLocks {
  /** High word of every site key ("fpst"); {@link Dialect#ADVISORIES_LOCK} has none. */
  private static final long NAMESPACE = 0x66707374L << 32;

  private SiteLocks() {}

  /** The lock key of {@code siteId}; two sites may share one (they then merely wait longer). */
  static long key(String siteId) {
    CRC32 crc = new CRC32();
    crc.update(siteId.getBytes(StandardCharsets.UTF_8));
    return NAMESPACE | crc.getValue();
  }
}
