package io.fieldprint.protocols.enip;

import static io.fieldprint.protocols.enip.EnipMessages.getAttributesAllIdentity;
import static io.fieldprint.protocols.enip.EnipMessages.getAttributesAllReply;
import static io.fieldprint.protocols.enip.EnipMessages.identity;
import static io.fieldprint.protocols.enip.EnipMessages.sendRrData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Role;
import io.fieldprint.protocols.replay.Bytes;
import io.fieldprint.protocols.replay.Pdu;
import io.fieldprint.protocols.replay.Robustness;
import io.fieldprint.protocols.testing.RecordingSink;
import java.util.List;
import org.junit.jupiter.api.Test;

class GetAttributesAllTest {
  private static final String SOURCE = "enip.identity-get-attributes-all";
  private final EtherNetIpTcp enip = new EtherNetIpTcp();
  private final byte[] controller =
      identity(1, 14, 54, 20, 11, 0x3160, 0x00c0ffeeL, "1756-L61/B LOGIX5561", 3);

  private RecordingSink run(Pdu... pdus) {
    return Robustness.run(enip, 44818, List.of(pdus));
  }

  @Test
  void replyToADirectIdentityRequestNamesTheServer() {
    RecordingSink sink =
        run(
            Pdu.request(sendRrData(0x1111, getAttributesAllIdentity())),
            Pdu.response(sendRrData(0x1111, getAttributesAllReply(controller))));
    List<Observation> found = sink.bySource(SOURCE);
    assertEquals(1, found.size());
    Observation o = found.get(0);
    assertEquals("10.0.0.2", o.subject().ip());
    assertEquals(Authority.DEVICE_REPORTED, o.authority());
    assertEquals("1756-L61", o.identity().model());
    assertEquals("20.11", o.identity().firmware());
    assertEquals("0x00c0ffee", o.identity().serial());
    assertEquals(Role.PLC, o.identity().role());
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> flags =
        (java.util.Map<String, Object>) o.evidence().fields().get("statusFlags");
    assertEquals(6, flags.get("extendedDeviceStatus"));
    assertEquals(true, flags.get("minorRecoverableFault"));
    assertTrue(sink.warnings.isEmpty(), sink.warnings::toString);
  }

  @Test
  void sixteenBitPathSegmentsAreUnderstood() {
    RecordingSink sink =
        run(
            Pdu.request(sendRrData(7, Bytes.hex("01 04 21 00 01 00 25 00 01 00"))),
            Pdu.response(sendRrData(7, getAttributesAllReply(controller))));
    assertEquals(1, sink.bySource(SOURCE).size());
  }

  @Test
  void pipelinedRepliesPairBySenderContext() {
    byte[] other = identity(1, 12, 1, 1, 0, 0, 2, "1756-EN2T/D", 3);
    RecordingSink sink =
        run(
            Pdu.request(sendRrData(1, getAttributesAllIdentity())),
            Pdu.request(sendRrData(2, Bytes.hex("0e 03 20 01 24 01 30 07"))),
            Pdu.response(sendRrData(2, Bytes.of().u8(0x8e, 0, 0, 0).ascii("\u0004ABCD").build())),
            Pdu.response(sendRrData(1, getAttributesAllReply(other))));
    List<Observation> found = sink.bySource(SOURCE);
    assertEquals(1, found.size());
    assertEquals("1756-EN2T", found.get(0).identity().model());
  }

  @Test
  void replyWhoseRequestWasNotSeenIsIgnored() {
    assertTrue(
        run(Pdu.response(sendRrData(3, getAttributesAllReply(controller))))
            .bySource(SOURCE)
            .isEmpty());
  }

  @Test
  void routedRequestDoesNotNameTheServer() {
    byte[] unconnectedSend =
        Bytes.of().hexBytes("52 02 20 06 24 01 0a f0 06 00 01 02 20 01 24 01 01 00 01 00").build();
    RecordingSink sink =
        run(
            Pdu.request(sendRrData(4, unconnectedSend)),
            Pdu.response(sendRrData(4, getAttributesAllReply(controller))));
    assertTrue(sink.bySource(SOURCE).isEmpty());
  }

  @Test
  void errorReplyIsIgnored() {
    RecordingSink sink =
        run(
            Pdu.request(sendRrData(5, getAttributesAllIdentity())),
            Pdu.response(sendRrData(5, Bytes.hex("81 00 08 00"))));
    assertTrue(sink.bySource(SOURCE).isEmpty());
    assertTrue(sink.warnings.isEmpty());
  }

  @Test
  void truncatedReplyWarns() {
    byte[] reply = getAttributesAllReply(controller);
    RecordingSink sink =
        run(
            Pdu.request(sendRrData(6, getAttributesAllIdentity())),
            Pdu.response(sendRrData(6, java.util.Arrays.copyOf(reply, 12))));
    assertTrue(sink.warnings.get(0).message().contains("Get_Attributes_All reply"));
  }

  @Test
  void serverAndClientAreAnnouncedOnce() {
    RecordingSink sink =
        run(
            Pdu.request(sendRrData(1, getAttributesAllIdentity())),
            Pdu.response(sendRrData(1, getAttributesAllReply(controller))),
            Pdu.request(sendRrData(2, getAttributesAllIdentity())),
            Pdu.response(sendRrData(2, getAttributesAllReply(controller))));
    assertEquals(1, sink.bySource("enip.server").size());
    assertEquals(1, sink.bySource("enip.client").size());
    assertEquals(Role.CLIENT, sink.bySource("enip.client").get(0).identity().role());
  }

  @Test
  void serverThatNeverAnsweredIsPeerReported() {
    RecordingSink sink = run(Pdu.request(sendRrData(1, getAttributesAllIdentity())));
    assertEquals(Authority.PEER_REPORTED, sink.bySource("enip.server").get(0).authority());
  }

  @Test
  void truncationAtEveryLengthNeverThrows() {
    List<Pdu> exchange =
        List.of(
            Pdu.request(sendRrData(9, getAttributesAllIdentity())),
            Pdu.response(sendRrData(9, getAttributesAllReply(controller))));
    int cuts = exchange.get(0).bytes().length + exchange.get(1).bytes().length;
    assertEquals(cuts, Robustness.truncateEveryLength(enip, 44818, exchange));
  }
}
