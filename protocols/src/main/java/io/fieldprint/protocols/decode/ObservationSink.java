package io.fieldprint.protocols.decode;

import io.fieldprint.protocols.model.Finding;
import io.fieldprint.protocols.model.Observation;

/** Where decoders put what they learn. Implementations are not required to be thread-safe. */
public interface ObservationSink {

  void observe(Observation observation);

  void finding(Finding finding);

  /** Something in the input could not be decoded; decoding goes on. */
  void warning(DecodeWarning warning);
}
