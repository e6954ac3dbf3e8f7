package io.fieldprint.advisories.prioritise;

/**
 * A FIRST EPSS score: the probability of exploitation activity in the next 30 days.
 *
 * @param cve the CVE id
 * @param epss probability, 0 to 1
 * @param percentile rank among all scored CVEs, 0 to 1
 */
public record EpssScore(String cve, double epss, double percentile) {}
