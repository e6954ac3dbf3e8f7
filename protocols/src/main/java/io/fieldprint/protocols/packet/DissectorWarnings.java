package io.fieldprint.protocols.packet;

import io.fieldprint.protocols.decode.DecodeWarning;
import io.fieldprint.protocols.decode.ObservationSink;

/** Reports the dissector's own warnings up to a limit, then only counts them. */
final class DissectorWarnings {
  private final ObservationSink sink;
  private final int max;
  private final DissectorCounters counters;
  private int reported;

  DissectorWarnings(ObservationSink sink, int max, DissectorCounters counters) {
    this.sink = sink;
    this.max = max;
    this.counters = counters;
  }

  void warn(String origin, String protocol, String message) {
    if (reported >= max) {
      counters.warningsSuppressed++;
      return;
    }
    reported++;
    sink.warning(new DecodeWarning(origin, protocol, message));
    if (reported == max) {
      sink.warning(
          new DecodeWarning(
              origin,
              "dissector",
              "warning limit of " + max + " reached; further ones are counted"));
    }
  }

  void warn(PacketView packet, String protocol, String message) {
    if (reported >= max) {
      counters.warningsSuppressed++;
      return;
    }
    warn(packet.origin(), protocol, message);
  }
}
