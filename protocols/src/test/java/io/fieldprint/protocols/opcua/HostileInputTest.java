package io.fieldprint.protocols.opcua;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fieldprint.protocols.x509.TestCertificates;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Truncated, over-claiming and randomly mutated messages: warnings, never exceptions. */
class HostileInputTest {
  private static final byte[] CERT =
      TestCertificates.builder().uri(UaMessages.SERVER_URI).build().der();

  /** A message and whether the server sent it; {@code setup} runs first on a fresh session. */
  record Case(String name, boolean fromServer, byte[] message, List<byte[]> setupFromClient) {}

  static Stream<Arguments> messages() {
    byte[] endpoints =
        UaMessages.getEndpointsResponse(
            List.of(
                UaMessages.endpoint(
                    UaMessages.URL,
                    CERT,
                    1,
                    SecurityPolicy.NONE,
                    List.of(UaMessages.tokenPolicy("anon", 0, null)))));
    byte[] status =
        new UaBinaryWriter()
            .u8(1)
            .u8(22)
            .extensionObject(
                340,
                new UaBinaryWriter()
                    .string("u")
                    .string("m")
                    .string("p")
                    .string("v")
                    .string("b")
                    .dateTime(null)
                    .toBytes())
            .toBytes();
    byte[] readRequest = UaMessages.msg(9, 6, UaMessages.readRequest(2260, 2261));
    return Stream.of(
            new Case("HEL", false, UaMessages.hello(UaMessages.URL), List.of()),
            new Case("ACK", true, UaMessages.acknowledge(), List.of()),
            new Case("ERR", true, UaMessages.error(0x80830000L, "bad url"), List.of()),
            new Case(
                "RHE",
                true,
                UaMessages.reverseHello(UaMessages.SERVER_URI, UaMessages.URL),
                List.of()),
            new Case(
                "OPN request",
                false,
                UaMessages.open(0, SecurityPolicy.NONE, null, null, UaMessages.openRequestBody(1)),
                List.of()),
            new Case(
                "OPN response",
                true,
                UaMessages.open(9, SecurityPolicy.NONE, null, null, UaMessages.openResponseBody(9)),
                List.of()),
            new Case(
                "OPN secured",
                true,
                UaMessages.open(9, SecurityPolicy.BASIC256SHA256, CERT, new byte[20], null),
                List.of()),
            new Case("GetEndpointsResponse", true, UaMessages.msg(9, 2, endpoints), List.of()),
            new Case(
                "FindServersResponse",
                true,
                UaMessages.msg(
                    9,
                    2,
                    UaMessages.findServersResponse(
                        List.of(
                            UaMessages.applicationDescription(
                                "urn:a", "A", 0, List.of("opc.tcp://10.1.1.1:4840"))))),
                List.of()),
            new Case(
                "CreateSessionRequest",
                false,
                UaMessages.msg(
                    9,
                    3,
                    UaMessages.createSessionRequest(
                        UaMessages.applicationDescription("urn:c", "C", 1, List.of()), CERT)),
                List.of()),
            new Case(
                "CreateSessionResponse",
                true,
                UaMessages.msg(9, 3, UaMessages.createSessionResponse(CERT, List.of())),
                List.of()),
            new Case(
                "ActivateSessionRequest",
                false,
                UaMessages.msg(
                    9,
                    4,
                    UaMessages.activateSessionRequest(324, UaMessages.userNameToken("pw", null))),
                List.of()),
            new Case(
                "ReadResponse",
                true,
                UaMessages.msg(
                    9, 6, UaMessages.readResponse(List.of(status, UaMessages.stringValue("p")))),
                List.of(readRequest)),
            new Case(
                "ServiceFault",
                true,
                UaMessages.msg(9, 6, UaMessages.serviceFault(0x80340000L)),
                List.of(readRequest)))
        .map(c -> Arguments.of(c.name(), c));
  }

  private static SessionDriver session(Case c) {
    SessionDriver d = new SessionDriver().openNoneChannel(9);
    c.setupFromClient().forEach(d::fromClient);
    d.sink.warnings.clear();
    return d;
  }

  /** The first {@code length} bytes with MessageSize patched to match, when a header is there. */
  private static byte[] truncated(byte[] message, int length) {
    byte[] cut = Arrays.copyOf(message, length);
    if (length >= 8) {
      ByteBuffer.wrap(cut).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(4, length);
    }
    return cut;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void truncationAtEveryLengthIsAWarningAndNeverAnException(String name, Case c) {
    for (int length = 0; length < c.message().length; length++) {
      SessionDriver asCut = session(c);
      asCut.raw(c.fromServer(), Arrays.copyOf(c.message(), length));
      assertFalse(asCut.sink.warnings.isEmpty(), name + " cut to " + length);

      SessionDriver patched = session(c);
      patched.raw(c.fromServer(), truncated(c.message(), length));
      assertFalse(patched.sink.warnings.isEmpty(), name + " patched to " + length);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void theIntactMessageDecodesWithoutWarnings(String name, Case c) {
    SessionDriver d = session(c);
    d.deliver(c.fromServer(), c.message());
    assertFalse(d.sink.observations.isEmpty(), name);
    assertFalse(d.sink.warnings.stream().anyMatch(w -> true), () -> name + ": " + d.sink.warnings);
  }

  @Test
  void lengthsThatOverClaimInsideBodiesNeverReadPastTheMessage() {
    byte[] endpoints =
        UaMessages.getEndpointsResponse(
            List.of(UaMessages.endpoint(UaMessages.URL, CERT, 1, SecurityPolicy.NONE, List.of())));
    byte[] message = UaMessages.msg(9, 2, endpoints);
    for (int offset = 24; offset + 4 <= message.length; offset++) {
      for (int claim : new int[] {Integer.MAX_VALUE, 0x7FFF_FFF0, 65_536, -2}) {
        byte[] hostile = message.clone();
        ByteBuffer.wrap(hostile).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(offset, claim);
        new SessionDriver().openNoneChannel(9).raw(true, hostile);
      }
    }
  }

  @Test
  void randomMutationsOfAWholeConversationNeverThrow() {
    List<Case> conversation = messages().map(a -> (Case) a.get()[1]).toList();
    Random random = new Random(0x0FC0A);
    for (int i = 0; i < 3000; i++) {
      SessionDriver d = new SessionDriver();
      int target = random.nextInt(conversation.size());
      for (int m = 0; m < conversation.size(); m++) {
        Case c = conversation.get(m);
        byte[] bytes = c.message().clone();
        if (m == target || random.nextInt(8) == 0) {
          mutate(bytes, random);
        }
        d.raw(c.fromServer(), bytes);
      }
    }
  }

  private static void mutate(byte[] bytes, Random random) {
    int flips = 1 + random.nextInt(4);
    for (int f = 0; f < flips; f++) {
      int at = random.nextInt(bytes.length);
      switch (random.nextInt(3)) {
        case 0 -> bytes[at] = (byte) random.nextInt(256);
        case 1 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
        default -> bytes[at] = (byte) (random.nextBoolean() ? 0xFF : 0x00);
      }
    }
  }

  @Test
  void randomBytesNeverThrowInPduLengthSniffOrTheSession() {
    OpcUaTcpProtocol protocol = new OpcUaTcpProtocol();
    Random random = new Random(42);
    for (int i = 0; i < 3000; i++) {
      byte[] bytes = new byte[random.nextInt(64)];
      random.nextBytes(bytes);
      if (bytes.length >= 3 && random.nextBoolean()) {
        System.arraycopy("MSG".getBytes(), 0, bytes, 0, 3);
      }
      protocol.pduLength(ByteBuffer.wrap(bytes));
      protocol.sniff(ByteBuffer.wrap(bytes));
      new SessionDriver().raw(random.nextBoolean(), bytes);
    }
  }
}
