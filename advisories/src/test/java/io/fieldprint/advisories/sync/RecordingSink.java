package io.fieldprint.advisories.sync;

import io.fieldprint.advisories.csaf.CsafDocument;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** A store stand-in: keeps the latest accepted bytes per URL and the last rejection reason. */
final class RecordingSink implements SyncSink {
  final Map<URI, byte[]> stored = new LinkedHashMap<>();
  final Map<URI, CsafDocument> documents = new LinkedHashMap<>();
  final Map<URI, String> rejections = new LinkedHashMap<>();
  int acceptedEvents;

  @Override
  public void accepted(String provider, URI url, byte[] bytes, CsafDocument document) {
    acceptedEvents++;
    stored.put(url, bytes);
    documents.put(url, document);
  }

  @Override
  public void rejected(String provider, URI url, String reason) {
    rejections.put(url, reason);
  }
}
