package io.fieldprint.agent.cli;

import io.fieldprint.protocols.decode.DecodeWarning;
import io.fieldprint.protocols.decode.ObservationSink;
import io.fieldprint.protocols.model.Finding;
import io.fieldprint.protocols.model.Observation;

/**
 * Forwards one probe's output to the shared (not thread-safe) asset merge, one call at a time, and
 * counts that probe's warnings.
 */
final class CountingSink implements ObservationSink {
  private final ObservationSink merge;
  private long warnings;

  CountingSink(ObservationSink merge) {
    this.merge = merge;
  }

  @Override
  public void observe(Observation observation) {
    synchronized (merge) {
      merge.observe(observation);
    }
  }

  @Override
  public void finding(Finding finding) {
    synchronized (merge) {
      merge.finding(finding);
    }
  }

  @Override
  public void warning(DecodeWarning warning) {
    synchronized (merge) {
      warnings++;
      merge.warning(warning);
    }
  }

  long warnings() {
    synchronized (merge) {
      return warnings;
    }
  }
}
