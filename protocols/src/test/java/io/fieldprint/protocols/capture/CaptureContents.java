package io.fieldprint.protocols.capture;

import io.fieldprint.protocols.decode.DecodeWarning;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Everything a reader delivered, copied out of the reusable buffer. */
public record CaptureContents(List<Frame> frames, List<DecodeWarning> warnings) {

  /** A frame with its bytes copied. */
  public record Frame(long number, long timestampNanos, int linkType, byte[] data, int original) {}

  public static CaptureContents read(byte[] file) throws IOException {
    List<DecodeWarning> warnings = new ArrayList<>();
    try (CaptureReader reader =
        CaptureFiles.open(
            Channels.newChannel(new ByteArrayInputStream(file)), "test.pcap", warnings::add)) {
      return drain(reader, warnings);
    }
  }

  public static CaptureContents read(Path file) throws IOException {
    List<DecodeWarning> warnings = new ArrayList<>();
    try (CaptureReader reader = CaptureFiles.open(file, warnings::add)) {
      return drain(reader, warnings);
    }
  }

  private static CaptureContents drain(CaptureReader reader, List<DecodeWarning> warnings)
      throws IOException {
    List<Frame> frames = new ArrayList<>();
    for (CapturedFrame f = reader.next(); f != null; f = reader.next()) {
      ByteBuffer data = f.data();
      byte[] bytes = new byte[data.remaining()];
      data.duplicate().get(bytes);
      frames.add(
          new Frame(f.number(), f.timestampNanos(), f.linkType(), bytes, f.originalLength()));
    }
    if (reader.next() != null) {
      throw new AssertionError("a finished reader returned another frame");
    }
    return new CaptureContents(frames, warnings);
  }
}
