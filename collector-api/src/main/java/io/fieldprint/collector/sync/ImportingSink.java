package io.fieldprint.collector.sync;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.sync.SyncSink;
import io.fieldprint.collector.correlation.AdvisoryImporter;
import java.net.URI;

/**
 * Where a provider sync puts what it accepts: each new or changed document goes through the
 * collector's {@link AdvisoryImporter} (so a new or revised advisory queues assets for
 * re-correlation, and an older or identical one changes nothing); each rejected document is
 * recorded with its reason beside the import rejections.
 */
final class ImportingSink implements SyncSink {
  static final String ACTOR = "system:advisory-sync";

  private final AdvisoryImporter importer;

  ImportingSink(AdvisoryImporter importer) {
    this.importer = importer;
  }

  @Override
  public void accepted(String provider, URI url, byte[] bytes, CsafDocument document) {
    importer.importDocument(bytes, url.toString(), ACTOR);
  }

  @Override
  public void rejected(String provider, URI url, String reason) {
    importer.refused(url.toString(), provider + ": " + reason, ACTOR);
  }
}
