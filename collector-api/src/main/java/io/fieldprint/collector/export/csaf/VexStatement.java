package io.fieldprint.collector.export.csaf;

import java.util.List;
import java.util.Optional;

/**
 * One triage decision for a CSAF VEX document: the state of a vulnerability (a CVE, or an advisory
 * without CVEs) for one product.
 *
 * @param productId the product's id in the document's product tree
 * @param advisoryId the tracking id of the advisory the match came from
 * @param advisoryTitle its title
 * @param advisoryUrl a link to it, if known
 * @param cves the CVEs the match names; none means the advisory is the vulnerability
 * @param state {@code affected}, {@code not_affected}, {@code fixed} or {@code under_investigation}
 * @param justification the CSAF flag label of a {@code not_affected} decision
 * @param note the analyst's note
 * @param recommendation what fixes it (remediation text or fixed version), if known
 */
public record VexStatement(
    String productId,
    String advisoryId,
    String advisoryTitle,
    Optional<String> advisoryUrl,
    List<String> cves,
    String state,
    Optional<String> justification,
    Optional<String> note,
    Optional<String> recommendation) {
  public VexStatement {
    cves = List.copyOf(cves);
  }
}
