package io.fieldprint.protocols.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.capture.CaptureFiles;
import io.fieldprint.protocols.capture.CaptureFormatException;
import io.fieldprint.protocols.capture.CaptureReader;
import io.fieldprint.protocols.capture.CapturedFrame;
import io.fieldprint.protocols.decode.DecoderSet;
import io.fieldprint.protocols.testing.RecordingSink;
import io.fieldprint.protocols.testing.SharedData;
import java.io.ByteArrayInputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real captures with random bit flips and truncations (seeded) are read and dissected end to end:
 * nothing throws except {@link CaptureFormatException} for a destroyed file header, the dissector
 * never fails internally, and the damage shows up as warnings.
 */
class DissectorMutationTest {
  private static final int ROUNDS = 300;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "icsnpp-modbus/modbus_example.pcap",
        "icsnpp-opcua-binary/open62541_client-server-getEndpoints.pcap",
        "icsnpp-opcua-binary/opcua_with-gap_with-handshake.pcap",
        "icsnpp-enip/enip_cip_example.pcap",
        "icsnpp-profinet-io-cm/profinet_io_cm_read.pcapng",
        "iti-ics-security-tools/modbus/fuzz-72.pcap",
        "iti-ics-security-tools/profinet/ChangeIPUsingDCP.pcap",
      })
  void mutatedCapturesNeverThrowAndProduceWarnings(String capture) throws Exception {
    byte[] original = Files.readAllBytes(SharedData.pcap(capture));
    Random random = new Random(capture.hashCode());
    long warnings = 0;
    for (int round = 0; round < ROUNDS; round++) {
      byte[] mutated = mutate(original, random);
      warnings += dissect(mutated);
    }
    assertTrue(warnings > 0, "no warnings from " + ROUNDS + " mutations of " + capture);
  }

  private static byte[] mutate(byte[] original, Random random) {
    byte[] bytes = original.clone();
    int flips = 1 + random.nextInt(32);
    for (int i = 0; i < flips; i++) {
      int bit = random.nextInt(bytes.length * 8);
      bytes[bit / 8] ^= (byte) (1 << (bit % 8));
    }
    if (random.nextInt(3) == 0) {
      bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
    }
    return bytes;
  }

  private static long dissect(byte[] file) throws Exception {
    RecordingSink sink = new RecordingSink();
    DecoderSet decoders =
        new DecoderSet(
            List.of(
                CountingProtocol.modbus(), CountingProtocol.opcua(), new LengthPrefixedProtocol()),
            List.of(new RecordingDecoders.Udp(44818), new RecordingDecoders.Udp(34964)),
            List.of(new RecordingDecoders.Ether(0x8892), new RecordingDecoders.Ether(0x88CC)));
    PacketDissector dissector = new PacketDissector(decoders, DissectorLimits.defaults(), sink);
    try (CaptureReader reader =
        CaptureFiles.open(
            Channels.newChannel(new ByteArrayInputStream(file)), "mutated.pcap", sink::warning)) {
      for (CapturedFrame f = reader.next(); f != null; f = reader.next()) {
        dissector.accept(f, "mutated.pcap");
      }
    } catch (CaptureFormatException e) {
      return 1;
    }
    dissector.finish();
    assertEquals(0, dissector.stats().internalErrors(), sink.warnings::toString);
    assertEquals(0, dissector.bufferedBytes());
    return sink.warnings.size();
  }

  @Test
  void mutatedTcpConversationsNeverThrowAndReleaseEveryBuffer() {
    Random random = new Random(7);
    byte[] stream = new byte[0];
    for (int i = 0; i < 12; i++) {
      stream = Frames.concat(stream, LengthPrefixedProtocol.pdu(random.nextInt(900), i));
    }
    for (int round = 0; round < 2000; round++) {
      TcpConversation c =
          new TcpConversation(40000, LengthPrefixedProtocol.PORT, random.nextInt(), 9);
      c.handshake().clientStream(stream, 1 + random.nextInt(700)).serverStream(stream, 1460);
      List<CapturedFrame> frames = new ArrayList<>(c.frames());
      Collections.shuffle(frames.subList(3, frames.size()), random);
      List<CapturedFrame> mutated = new ArrayList<>();
      for (CapturedFrame f : frames) {
        byte[] bytes = new byte[f.data().remaining()];
        f.data().duplicate().get(bytes);
        if (random.nextInt(4) == 0) {
          int bit = 14 * 8 + random.nextInt((bytes.length - 14) * 8);
          bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        mutated.add(Frames.frame(f.number(), f.linkType(), bytes));
      }
      DissectorLimits limits =
          DissectorLimits.builder()
              .maxOutOfOrderSegmentsPerDirection(1 + random.nextInt(8))
              .maxBufferedBytesPerDirection(256 + random.nextInt(4096))
              .build();
      Dissection d = Dissection.tcp(new LengthPrefixedProtocol(), limits, mutated);
      assertEquals(0, d.dissector().bufferedBytes(), "round " + round);
    }
  }
}
