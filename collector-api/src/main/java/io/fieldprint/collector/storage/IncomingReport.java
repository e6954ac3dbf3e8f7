package io.fieldprint.collector.storage;

import java.util.List;
import java.util.Optional;

/** A validated report from an authenticated agent, ready to merge into its site. */
public record IncomingReport(
    String agentId,
    String siteId,
    String reportId,
    Optional<String> agentVersion,
    List<ReportedAsset> assets,
    List<ReportedFinding> findings) {
  public IncomingReport {
    assets = List.copyOf(assets);
    findings = List.copyOf(findings);
  }
}
