package io.fieldprint.collector.export;

import java.util.Optional;

/**
 * An export produced one page at a time, so a site of 50,000 assets never sits in memory. Blocking:
 * call it from a worker thread, one call at a time.
 */
@FunctionalInterface
public interface ExportPager {
  /** The next chunk of the document, or empty once it is complete. */
  Optional<byte[]> next() throws Exception;
}
