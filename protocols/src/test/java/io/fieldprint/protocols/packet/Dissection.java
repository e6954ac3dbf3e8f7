package io.fieldprint.protocols.packet;

import io.fieldprint.protocols.capture.CapturedFrame;
import io.fieldprint.protocols.decode.DecoderSet;
import io.fieldprint.protocols.decode.EtherTypeProtocol;
import io.fieldprint.protocols.decode.TcpProtocol;
import io.fieldprint.protocols.decode.UdpProtocol;
import io.fieldprint.protocols.testing.RecordingSink;
import java.util.List;

/** Runs frames through a dissector and keeps what came out. */
record Dissection(PacketDissector dissector, RecordingSink sink) {

  static Dissection tcp(TcpProtocol protocol, DissectorLimits limits, List<CapturedFrame> frames) {
    return run(new DecoderSet(List.of(protocol), List.of(), List.of()), limits, frames);
  }

  static Dissection tcp(TcpProtocol protocol, List<CapturedFrame> frames) {
    return tcp(protocol, DissectorLimits.defaults(), frames);
  }

  static Dissection udp(UdpProtocol protocol, List<CapturedFrame> frames) {
    return run(
        new DecoderSet(List.of(), List.of(protocol), List.of()),
        DissectorLimits.defaults(),
        frames);
  }

  static Dissection ethernet(EtherTypeProtocol protocol, List<CapturedFrame> frames) {
    return run(
        new DecoderSet(List.of(), List.of(), List.of(protocol)),
        DissectorLimits.defaults(),
        frames);
  }

  static Dissection run(DecoderSet decoders, DissectorLimits limits, List<CapturedFrame> frames) {
    RecordingSink sink = new RecordingSink();
    PacketDissector dissector = new PacketDissector(decoders, limits, sink);
    for (CapturedFrame f : frames) {
      dissector.accept(f, "test.pcap");
    }
    dissector.finish();
    if (dissector.stats().internalErrors() != 0) {
      throw new AssertionError("internal errors: " + sink.warnings);
    }
    return new Dissection(dissector, sink);
  }

  DissectorStats stats() {
    return dissector.stats();
  }
}
