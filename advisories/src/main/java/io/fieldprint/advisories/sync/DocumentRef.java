package io.fieldprint.advisories.sync;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One CSAF document as a provider lists it.
 *
 * @param url the document
 * @param listed the date the listing gives ({@code changes.csv} current_release_date or ROLIE
 *     {@code updated}); empty when only {@code index.txt} named it
 * @param hashUrls hash files named by the listing (ROLIE {@code rel=hash}); empty means "beside the
 *     document"
 * @param signatureUrl the signature named by the listing (ROLIE {@code rel=signature}), if any
 */
public record DocumentRef(
    URI url, Optional<Instant> listed, List<URI> hashUrls, Optional<URI> signatureUrl) {

  public DocumentRef {
    hashUrls = List.copyOf(hashUrls);
  }

  /** A document listed by the directory distribution, whose sidecars sit beside it. */
  static DocumentRef beside(URI url, Optional<Instant> listed) {
    return new DocumentRef(url, listed, List.of(), Optional.empty());
  }

  /** The newer listing of two for one URL. */
  static DocumentRef newer(DocumentRef a, DocumentRef b) {
    if (a.listed.isEmpty()) {
      return b;
    }
    if (b.listed.isEmpty()) {
      return a;
    }
    return b.listed.get().isAfter(a.listed.get()) ? b : a;
  }
}
