package io.fieldprint.advisories.prioritise;

import java.util.List;

/**
 * A FIRST EPSS score file as published ({@code epss_scores-YYYY-MM-DD.csv[.gz]}).
 *
 * @param modelVersion from the {@code #model_version:...} comment line, or empty
 * @param scoreDate from the {@code score_date:...} part of that line, or empty
 * @param scores one per CVE
 */
public record EpssScores(String modelVersion, String scoreDate, List<EpssScore> scores)
    implements FeedFile.Parsed<EpssScores> {
  public EpssScores {
    scores = List.copyOf(scores);
  }

  @Override
  public EpssScores value() {
    return this;
  }
}
