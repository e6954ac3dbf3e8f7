package io.fieldprint.collector.config;

import java.util.List;
import java.util.Optional;

/**
 * Which alerts of a site ({@code *} for every site) go to which destinations.
 *
 * @param minConfidence low, medium or high
 * @param minCvss lowest CVSS base score; an alert without a score passes only when absent
 * @param kevOnly only alerts whose advisory names a CVE of the KEV catalog
 */
public record AlertRoute(
    String site,
    List<String> destinations,
    String minConfidence,
    Optional<Double> minCvss,
    boolean kevOnly) {
  /** A route that does not look at the KEV catalog. */
  public AlertRoute(
      String site, List<String> destinations, String minConfidence, Optional<Double> minCvss) {
    this(site, destinations, minConfidence, minCvss, false);
  }

  public AlertRoute {
    destinations = List.copyOf(destinations);
  }
}
