package io.fieldprint.protocols.pnio;

import io.fieldprint.protocols.capture.CaptureFiles;
import io.fieldprint.protocols.capture.CaptureReader;
import io.fieldprint.protocols.capture.CapturedFrame;
import io.fieldprint.protocols.decode.DecoderSet;
import io.fieldprint.protocols.packet.DissectorLimits;
import io.fieldprint.protocols.packet.PacketDissector;
import io.fieldprint.protocols.testing.RecordingSink;
import io.fieldprint.protocols.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Runs one shared capture through the real dissector with only the PN-IO CM decoder. */
final class PnioCaptures {
  static final String DIR = "icsnpp-profinet-io-cm/";

  private PnioCaptures() {}

  static RecordingSink decode(String file) throws IOException {
    Path path = SharedData.pcap(DIR + file);
    RecordingSink sink = new RecordingSink();
    DecoderSet decoders = new DecoderSet(List.of(), List.of(new PnioCmDecoder()), List.of());
    PacketDissector dissector = new PacketDissector(decoders, DissectorLimits.defaults(), sink);
    String name = CaptureFiles.captureName(path);
    try (CaptureReader reader = CaptureFiles.open(path, sink::warning)) {
      for (CapturedFrame f = reader.next(); f != null; f = reader.next()) {
        dissector.accept(f, name);
      }
    }
    dissector.finish();
    return sink;
  }
}
