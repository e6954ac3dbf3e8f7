package io.fieldprint.collector.ingest;

import io.fieldprint.collector.storage.ReportedAsset;
import io.fieldprint.collector.storage.ReportedFinding;
import java.util.List;
import java.util.Optional;

/** The outcome of reading an untrusted report body. */
public sealed interface ReportParse {

  /** A well-formed report whose inventory satisfies the schema and the request limits. */
  record Parsed(
      String reportId,
      Optional<String> site,
      Optional<String> agentVersion,
      List<ReportedAsset> assets,
      List<ReportedFinding> findings)
      implements ReportParse {}

  /**
   * A body the collector refuses.
   *
   * @param reason one line for the client
   * @param details individual problems (schema violations), at most {@link
   *     ReportReader#MAX_DETAILS}
   */
  record Rejected(String reason, List<String> details) implements ReportParse {}
}
