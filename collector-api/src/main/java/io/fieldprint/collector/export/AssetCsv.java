package io.fieldprint.collector.export;

import io.fieldprint.collector.storage.AssetQuery;
import io.fieldprint.collector.storage.CollectorStore;
import io.fieldprint.collector.storage.CorrelationStore;
import io.fieldprint.collector.storage.CorrelationStore.StoredMatch;
import io.fieldprint.collector.storage.StoredAsset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code assets.csv}: every asset of a site ordered by asset id, with its identity, addresses,
 * protocols, first and last seen, how many advisories match it and whether one of their CVEs is in
 * the KEV catalog. Lists are space-separated within their cell.
 */
public final class AssetCsv implements ExportPager {
  public static final List<String> HEADER =
      List.of(
          "uid",
          "id",
          "name",
          "vendor",
          "product",
          "model",
          "firmware",
          "hardware",
          "serial",
          "role",
          "ip",
          "mac",
          "protocols",
          "firstSeen",
          "lastSeen",
          "matches",
          "kev");

  private final CollectorStore store;
  private final CorrelationStore correlations;
  private final String siteId;
  private final int pageSize;
  private Set<String> kevCves;
  private int offset = -1;
  private boolean done;

  public AssetCsv(
      CollectorStore store, CorrelationStore correlations, String siteId, int pageSize) {
    this.store = store;
    this.correlations = correlations;
    this.siteId = siteId;
    this.pageSize = pageSize;
  }

  @Override
  public Optional<byte[]> next() {
    if (done) {
      return Optional.empty();
    }
    if (offset < 0) {
      offset = 0;
      kevCves = correlations.kevCves();
      return Optional.of(CsvRow.of(HEADER).getBytes(StandardCharsets.UTF_8));
    }
    List<StoredAsset> page =
        store
            .assets(siteId, new AssetQuery(Optional.empty(), Optional.empty(), pageSize, offset))
            .items();
    offset += page.size();
    done = page.size() < pageSize;
    // one read of the page's matches, not one per asset
    Map<String, List<StoredMatch>> matches =
        correlations.assetMatches(page.stream().map(StoredAsset::uid).toList());
    StringBuilder out = new StringBuilder();
    for (StoredAsset a : page) {
      out.append(CsvRow.of(row(a, matches.getOrDefault(a.uid(), List.of()))));
    }
    return page.isEmpty()
        ? Optional.empty()
        : Optional.of(out.toString().getBytes(StandardCharsets.UTF_8));
  }

  private List<String> row(StoredAsset a, List<StoredMatch> matches) {
    boolean kev =
        matches.stream().anyMatch(m -> MatchExplanation.parse(m.explanationJson()).kev(kevCves));
    List<String> cells = new ArrayList<>(HEADER.size());
    cells.add(a.uid());
    cells.add(a.assetId());
    cells.add(a.name().orElse(null));
    cells.add(a.vendor().orElse(null));
    cells.add(a.product().orElse(null));
    cells.add(a.model().orElse(null));
    cells.add(a.firmware().orElse(null));
    cells.add(a.hardware().orElse(null));
    cells.add(a.serial().orElse(null));
    cells.add(a.role());
    cells.add(String.join(" ", a.ip()));
    cells.add(String.join(" ", a.mac()));
    cells.add(String.join(" ", a.protocols()));
    cells.add(a.firstSeen().toString());
    cells.add(a.lastSeen().toString());
    cells.add(Integer.toString(matches.size()));
    cells.add(Boolean.toString(kev));
    return cells;
  }
}
