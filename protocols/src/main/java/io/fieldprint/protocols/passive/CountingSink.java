package io.fieldprint.protocols.passive;

import io.fieldprint.protocols.decode.DecodeWarning;
import io.fieldprint.protocols.decode.ObservationSink;
import io.fieldprint.protocols.model.Finding;
import io.fieldprint.protocols.model.Observation;

/**
 * Forwards to another sink, counting the warnings of one capture, and telling damage to the capture
 * file itself (warnings of the file readers) from undecodable traffic inside an intact file.
 */
final class CountingSink implements ObservationSink {
  private static final java.util.Set<String> FILE_FORMATS = java.util.Set.of("pcap", "pcapng");
  private final ObservationSink target;
  private long warnings;
  private boolean fileDamaged;

  CountingSink(ObservationSink target) {
    this.target = target;
  }

  @Override
  public void observe(Observation observation) {
    target.observe(observation);
  }

  @Override
  public void finding(Finding finding) {
    target.finding(finding);
  }

  @Override
  public void warning(DecodeWarning warning) {
    warnings++;
    if (FILE_FORMATS.contains(warning.protocol())) {
      fileDamaged = true;
    }
    target.warning(warning);
  }

  boolean fileDamaged() {
    return fileDamaged;
  }

  long warnings() {
    return warnings;
  }
}
