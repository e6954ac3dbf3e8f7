package io.fieldprint.advisories.prioritise;

import java.util.List;

/**
 * A CISA KEV catalog as published ({@code known_exploited_vulnerabilities.json}).
 *
 * @param catalogVersion {@code catalogVersion}
 * @param dateReleased {@code dateReleased}
 * @param entries {@code vulnerabilities[]}, one per CVE
 */
public record KevCatalog(String catalogVersion, String dateReleased, List<KevEntry> entries)
    implements FeedFile.Parsed<KevCatalog> {
  public KevCatalog {
    entries = List.copyOf(entries);
  }

  @Override
  public KevCatalog value() {
    return this;
  }
}
