package io.fieldprint.protocols.pnio;

import static io.fieldprint.protocols.pnio.PnioSamples.CONTROLLER;
import static io.fieldprint.protocols.pnio.PnioSamples.DEVICE;
import static io.fieldprint.protocols.pnio.PnioSamples.DEVICE_CM;
import static io.fieldprint.protocols.pnio.PnioSamples.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.decode.Endpoint;
import io.fieldprint.protocols.testing.RecordingSink;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PnioCmRobustnessTest {
  /** Offset of the first block (ARBlockReq) in a request datagram: header + args. */
  private static final int FIRST_BLOCK = DceRpcClHeader.SIZE + PnioArgs.SIZE;

  private static List<byte[]> responses(boolean le) {
    return List.of(
        PnioSamples.connectResponse(le),
        PnioSamples.readIm0Response(le, 0),
        PnioSamples.readPdRealDataResponse(le));
  }

  private static boolean warned(RecordingSink sink, String text) {
    return sink.warnings.stream().anyMatch(w -> w.message().contains(text));
  }

  @ParameterizedTest(name = "little-endian={0}")
  @ValueSource(booleans = {false, true})
  void requestToTheCmPortCutAtEveryLengthIsAWarning(boolean le) {
    byte[] whole = PnioSamples.connectRequest(le, 1);
    for (int n = 0; n < whole.length; n++) {
      RecordingSink sink = decode(CONTROLLER, DEVICE_CM, Arrays.copyOf(whole, n));
      assertFalse(sink.warnings.isEmpty(), "no warning at length " + n);
      assertEquals("profinet-io-cm", sink.warnings.get(0).protocol());
    }
  }

  @ParameterizedTest(name = "little-endian={0}")
  @ValueSource(booleans = {false, true})
  void responseCutAtEveryLengthWarnsOnceItNamesPnio(boolean le) {
    for (byte[] whole : responses(le)) {
      for (int n = 0; n < whole.length; n++) {
        RecordingSink sink = decode(DEVICE, CONTROLLER, Arrays.copyOf(whole, n));
        if (n < 40) {
          // between dynamic ports, too short to show the PN-IO interface: not ours
          assertTrue(sink.warnings.isEmpty() && sink.observations.isEmpty(), "length " + n);
        } else {
          assertFalse(sink.warnings.isEmpty(), "no warning at length " + n);
        }
      }
    }
  }

  @Test
  void randomMutationsNeverThrow() {
    Random random = new Random(0x9e10L);
    List<byte[]> samples =
        List.of(
            PnioSamples.connectRequest(false, 1),
            PnioSamples.connectRequest(true, 6),
            PnioSamples.connectResponse(true),
            PnioSamples.readIm0Response(false, 0),
            PnioSamples.readPdRealDataResponse(true));
    PnioCmDecoder decoder = new PnioCmDecoder();
    int observed = 0;
    for (int i = 0; i < 5000; i++) {
      byte[] b = mutate(samples.get(random.nextInt(samples.size())), random);
      boolean toDevice = random.nextBoolean();
      RecordingSink sink =
          PnioSamples.decode(
              decoder, toDevice ? CONTROLLER : DEVICE, toDevice ? DEVICE_CM : CONTROLLER, b);
      observed += sink.observations.size();
    }
    assertTrue(observed > 0, "mutations should not all be rejected");
  }

  private static byte[] mutate(byte[] sample, Random random) {
    byte[] b = sample.clone();
    switch (random.nextInt(4)) {
      case 0 -> b = Arrays.copyOf(b, random.nextInt(b.length));
      case 1 -> {
        b = Arrays.copyOf(b, b.length + random.nextInt(32));
        for (int i = sample.length; i < b.length; i++) {
          b[i] = (byte) random.nextInt(256);
        }
      }
      default -> {
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) {
          // keep most mutations past the sniffed header bytes so the body parsers get exercised
          int at =
              random.nextInt(4) == 0
                  ? random.nextInt(b.length)
                  : 80 + random.nextInt(b.length - 80);
          b[at] = (byte) random.nextInt(256);
        }
      }
    }
    return b;
  }

  @Test
  void blockLengthClaimingMoreThanTheArgsIsAWarning() {
    byte[] b = PnioSamples.connectRequest(false, 1);
    b[FIRST_BLOCK + 2] = (byte) 0x7F;
    RecordingSink sink = decode(CONTROLLER, DEVICE_CM, b);
    assertTrue(warned(sink, "block 0x0101 claims"), sink.warnings::toString);
    assertTrue(sink.bySource("profinet.io-cm.connect-request").isEmpty());
    assertEquals(1, sink.bySource("profinet.io-cm.client").size());
  }

  @Test
  void blockLengthBelowTwoIsAWarning() {
    byte[] b = PnioSamples.connectRequest(true, 1);
    b[FIRST_BLOCK + 2] = 0;
    b[FIRST_BLOCK + 3] = 1;
    assertTrue(warned(decode(CONTROLLER, DEVICE_CM, b), "below 2"));
  }

  @Test
  void actualCountClaimingMoreThanTheBodyIsAWarning() {
    byte[] b = PnioSamples.connectRequest(false, 1);
    b[DceRpcClHeader.SIZE + 16] = 0x01; // ActualCount (big-endian) += 16 MiB
    RecordingSink sink = decode(CONTROLLER, DEVICE_CM, b);
    assertTrue(warned(sink, "ActualCount"), sink.warnings::toString);
    assertEquals(1, sink.bySource("profinet.io-cm.connect-request").size());
  }

  @Test
  void stationNameLengthsBeyondTheBlockOrTheLimitAreWarnings() {
    int nameLength = FIRST_BLOCK + BlockHeader.SIZE + 50;
    byte[] over = PnioSamples.connectRequest(false, 1);
    over[nameLength + 1] = 60;
    assertTrue(warned(decode(CONTROLLER, DEVICE_CM, over), "ARBlockReq body of"));
    byte[] huge = PnioSamples.connectRequest(false, 1);
    huge[nameLength] = 0x01;
    assertTrue(warned(decode(CONTROLLER, DEVICE_CM, huge), "exceeds 240"));
  }

  @Test
  void hostileEntryCountsEndAtTheBlock() {
    PnioFrames.Datagram d = new PnioFrames.Datagram(true);
    d.body =
        PnioFrames.requestBody(
            true,
            w -> {
              PnioFrames.arBlockReq(w, 1, CONTROLLER.mac(), "c");
              w.block(BlockHeader.EXPECTED_SUBMODULE_BLOCK_REQ, b -> b.u16(0xFFFF).u32(0));
            });
    RecordingSink sink = decode(CONTROLLER, DEVICE_CM, d.bytes());
    assertTrue(warned(sink, "ExpectedSubmoduleBlockReq body of 6 bytes"), sink.warnings::toString);
    assertEquals(1, sink.bySource("profinet.io-cm.connect-request").size());

    byte[] filter =
        PnioSamples.readResponse(
            false,
            w ->
                PnioFrames.readRecord(
                    w,
                    0,
                    1,
                    0xF840,
                    r ->
                        r.block(
                            BlockHeader.I_AND_M0_FILTER_DATA_SUBMODULE,
                            b -> b.u16(0xFFFF).u32(0).u16(0xFFFF).u16(0).u32(0).u16(0xFFFF))));
    assertTrue(warned(decode(DEVICE, CONTROLLER, filter), "I&M0FilterData block 0x0030"));
  }

  @Test
  void recordDataLengthClaimingMoreThanTheResponseIsAWarning() {
    byte[] b = PnioSamples.readIm0Response(false, 0);
    int recordLength = FIRST_BLOCK + BlockHeader.SIZE + 30;
    b[recordLength] = 0x10;
    RecordingSink sink = decode(DEVICE, CONTROLLER, b);
    assertTrue(warned(sink, "RecordDataLength"), sink.warnings::toString);
    assertEquals(1, sink.bySource("profinet.io-cm.read-response").size());
  }

  @Test
  void readResponseWithoutItsHeaderIsAWarning() {
    byte[] b = PnioSamples.readResponse(true, w -> PnioFrames.arBlockRes(w, DEVICE.mac()));
    RecordingSink sink = decode(DEVICE, CONTROLLER, b);
    assertTrue(warned(sink, "IODReadResHeader"), sink.warnings::toString);
  }

  @Test
  void iAndM0CutShortIsAWarning() {
    byte[] b =
        PnioSamples.readResponse(
            false,
            w ->
                PnioFrames.readRecord(
                    w, 0, 1, 0xAFF0, r -> r.block(BlockHeader.I_AND_M0, x -> x.u16(0x2a))));
    assertTrue(warned(decode(DEVICE, CONTROLLER, b), "I&M0 body of 2 bytes"));
  }

  @Test
  void firstFragmentIsReadAsFarAsItGoesAndLaterOnesOnlyShowPresence() {
    PnioFrames.Datagram d = new PnioFrames.Datagram(true);
    byte[] body =
        PnioFrames.requestBody(
            true,
            w -> {
              PnioFrames.arBlockReq(w, 1, CONTROLLER.mac(), "ctrl");
              PnioFrames.expectedModule(w, 0, 1, 1, 2, 3);
            });
    d.flags1 |= 0x04;
    d.body = Arrays.copyOf(body, body.length - 9);
    RecordingSink first = decode(CONTROLLER, DEVICE_CM, d.bytes());
    assertTrue(first.warnings.isEmpty(), first.warnings::toString);
    assertEquals("ctrl", first.bySource("profinet.io-cm.connect-request").get(0).identity().name());
    assertFalse(
        first
            .bySource("profinet.io-cm.request-target")
            .get(0)
            .evidence()
            .fields()
            .containsKey("expectedModules"));

    d.fragmentNumber = 1;
    d.body = Arrays.copyOfRange(body, body.length - 9, body.length);
    RecordingSink later = decode(CONTROLLER, DEVICE_CM, d.bytes());
    assertTrue(later.warnings.isEmpty(), later.warnings::toString);
    assertTrue(later.bySource("profinet.io-cm.connect-request").isEmpty());
    assertEquals(1, later.bySource("profinet.io-cm.client").size());
  }

  @Test
  void otherTrafficBetweenDynamicPortsIsIgnoredSilently() {
    Random random = new Random(7);
    Endpoint a = new Endpoint("02:00:00:00:00:01", "10.0.0.1", 50000);
    Endpoint b = new Endpoint("02:00:00:00:00:02", "10.0.0.2", 50001);
    for (int i = 0; i < 200; i++) {
      byte[] junk = new byte[random.nextInt(200)];
      random.nextBytes(junk);
      RecordingSink sink = decode(a, b, junk);
      assertTrue(sink.warnings.isEmpty() && sink.observations.isEmpty());
    }
  }

  @Test
  void anotherDceRpcInterfaceOnTheCmPortIsNotAWarning() {
    byte[] epm = PnioSamples.connectRequest(false, 1);
    epm[24] = (byte) 0xe1;
    RecordingSink sink = decode(CONTROLLER, DEVICE_CM, epm);
    assertTrue(sink.warnings.isEmpty() && sink.observations.isEmpty());
  }

  @Test
  void nonDceRpcBytesOnTheCmPortAreWarnings() {
    assertTrue(warned(decode(CONTROLLER, DEVICE_CM, new byte[10]), "shorter than the 80-byte"));
    byte[] v5 = new byte[100];
    v5[0] = 5;
    assertTrue(warned(decode(CONTROLLER, DEVICE_CM, v5), "RPC version 5"));
  }
}
