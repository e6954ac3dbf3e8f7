package io.fieldprint.protocols.testing;

import io.fieldprint.protocols.decode.DecodeWarning;
import io.fieldprint.protocols.decode.ObservationSink;
import io.fieldprint.protocols.model.Finding;
import io.fieldprint.protocols.model.Observation;
import java.util.ArrayList;
import java.util.List;

/** An {@link ObservationSink} that keeps everything in memory, in arrival order. */
public final class RecordingSink implements ObservationSink {
  public final List<Observation> observations = new ArrayList<>();
  public final List<Finding> findings = new ArrayList<>();
  public final List<DecodeWarning> warnings = new ArrayList<>();

  @Override
  public void observe(Observation observation) {
    observations.add(observation);
  }

  @Override
  public void finding(Finding finding) {
    findings.add(finding);
  }

  @Override
  public void warning(DecodeWarning warning) {
    warnings.add(warning);
  }

  /** Observations whose evidence source is {@code source}. */
  public List<Observation> bySource(String source) {
    return observations.stream().filter(o -> o.evidence().source().equals(source)).toList();
  }
}
