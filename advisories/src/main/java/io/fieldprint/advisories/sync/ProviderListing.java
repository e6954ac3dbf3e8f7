package io.fieldprint.advisories.sync;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the documents a provider lists: its ROLIE feeds (requirement 15) or its directory
 * distribution ({@code changes.csv}, requirement 13, falling back to {@code index.txt}, requirement
 * 12), as {@link ProviderConfig#distribution()} chooses. A URL listed twice keeps its newest date.
 */
final class ProviderListing {
  private final HttpFetcher http;
  private final SyncLimits limits;

  ProviderListing(HttpFetcher http, SyncLimits limits) {
    this.http = http;
    this.limits = limits;
  }

  List<DocumentRef> read(
      ProviderConfig config, ProviderMetadata metadata, CsafProviderSync.ProviderRun run) {
    boolean rolie =
        switch (config.distribution()) {
          case ROLIE -> true;
          case DIRECTORY -> false;
          case AUTO -> !metadata.rolieFeeds().isEmpty();
        };
    Map<URI, DocumentRef> refs = new LinkedHashMap<>();
    if (rolie) {
      if (metadata.rolieFeeds().isEmpty()) {
        run.error("distribution is rolie but provider-metadata.json lists no ROLIE feed");
      }
      metadata.rolieFeeds().forEach(feed -> rolie(feed, refs, run));
    } else {
      if (metadata.directoryUrls().isEmpty()) {
        run.error("distribution is directory but provider-metadata.json lists no directory_url");
      }
      metadata.directoryUrls().forEach(dir -> directory(dir, refs, run));
    }
    return new ArrayList<>(refs.values());
  }

  private void rolie(URI feed, Map<URI, DocumentRef> refs, CsafProviderSync.ProviderRun run) {
    Fetched f = http.get(feed, limits.maxListingBytes());
    if (f instanceof Fetched.Failed failed) {
      run.error("ROLIE feed not fetched: " + failed.reason());
      return;
    }
    Fetched.Body body = (Fetched.Body) f;
    RolieFeed.Entries entries = RolieFeed.parse(body.bytes(), body.uri());
    entries.problems().forEach(run::error);
    entries.documents().forEach(r -> refs.merge(r.url(), r, DocumentRef::newer));
  }

  private void directory(URI dir, Map<URI, DocumentRef> refs, CsafProviderSync.ProviderRun run) {
    URI base = URI.create(dir.toString().endsWith("/") ? dir.toString() : dir + "/");
    Fetched changes = http.get(base.resolve("changes.csv"), limits.maxListingBytes());
    DirectoryListing.Listing listing;
    if (changes instanceof Fetched.Body body) {
      listing = DirectoryListing.changesCsv(body.bytes(), base);
    } else {
      run.error(
          "changes.csv not fetched ("
              + ((Fetched.Failed) changes).reason()
              + "), reading index.txt: only unseen documents are fetched");
      Fetched index = http.get(base.resolve("index.txt"), limits.maxListingBytes());
      if (index instanceof Fetched.Failed failed) {
        run.error("index.txt not fetched: " + failed.reason());
        return;
      }
      listing = DirectoryListing.indexTxt(((Fetched.Body) index).bytes(), base);
    }
    listing.problems().forEach(run::error);
    listing.documents().forEach(r -> refs.merge(r.url(), r, DocumentRef::newer));
  }
}
