package io.fieldprint.protocols.capture;

import io.fieldprint.protocols.decode.DecodeWarning;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/** Opens capture files, choosing the reader by the file's magic number. */
public final class CaptureFiles {
  private static final int MAX_RECORD =
      Math.max(PcapReader.MAX_RECORD_LENGTH + 24, PcapngReader.MAX_BLOCK_LENGTH);

  private CaptureFiles() {}

  /**
   * Opens a pcap or pcapng file. Warnings about damage inside the file name it by its file name
   * ({@code name.pcap#frame=N}); use the same name as the dissector's capture name.
   *
   * @throws CaptureFormatException when the file is empty, its header is truncated, or it is not a
   *     capture
   */
  public static CaptureReader open(Path file, Consumer<DecodeWarning> warnings) throws IOException {
    return open(FileChannel.open(file, StandardOpenOption.READ), captureName(file), warnings);
  }

  /**
   * Reads a capture from any channel (a file, standard input). The channel is closed when the
   * reader is closed, or here when the capture cannot be opened.
   */
  public static CaptureReader open(
      ReadableByteChannel channel, String captureName, Consumer<DecodeWarning> warnings)
      throws IOException {
    ChannelInput input = new ChannelInput(channel, ChannelInput.INITIAL_CAPACITY, MAX_RECORD);
    try {
      return reader(input, captureName, warnings);
    } catch (IOException | RuntimeException e) {
      input.close();
      throw e;
    }
  }

  /** The name a capture is known by in origins: its file name. */
  public static String captureName(Path file) {
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }

  private static CaptureReader reader(
      ChannelInput input, String captureName, Consumer<DecodeWarning> warnings) throws IOException {
    if (!input.request(4)) {
      throw new CaptureFormatException(
          captureName, input.available() == 0 ? "empty file" : "file too short to be a capture");
    }
    ByteBuffer b = input.buffer();
    int magic = b.order(ByteOrder.BIG_ENDIAN).getInt(b.position());
    if (magic == PcapngReader.SECTION_HEADER) {
      return new PcapngReader(input, captureName, warnings);
    }
    if (PcapReader.isMagic(magic) || PcapReader.isMagic(Integer.reverseBytes(magic))) {
      return new PcapReader(input, captureName, warnings);
    }
    throw new CaptureFormatException(
        captureName,
        String.format("not a pcap or pcapng capture (starts with 0x%08x)", magic),
        true);
  }
}
