package io.fieldprint.protocols.passive;

import io.fieldprint.protocols.decode.DecoderSet;
import io.fieldprint.protocols.lldp.LldpDecoder;
import io.fieldprint.protocols.profinet.ProfinetDcpDecoder;
import io.fieldprint.protocols.snmp.SnmpDecoder;
import java.util.List;

/** The decoders fieldprint ships. */
public final class StandardDecoders {
  private StandardDecoders() {}

  /**
   * Every shipped decoder, as new instances: decoders may keep per-run state (such as which
   * findings they already reported), so each run takes its own set.
   */
  public static DecoderSet create() {
    return new DecoderSet(
        List.of(),
        List.of(new SnmpDecoder()),
        List.of(new ProfinetDcpDecoder(), new LldpDecoder()));
  }
}
