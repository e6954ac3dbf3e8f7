package io.fieldprint.protocols.opcua;

import static io.fieldprint.protocols.opcua.SessionDriver.CLIENT_DEVICE;
import static io.fieldprint.protocols.opcua.SessionDriver.SERVER_DEVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HEL, ACK, ERR, RHE and the once-per-connection presence observation. */
class TransportMessagesTest {

  @Test
  void helloIsAPeerStatementAboutTheServerWithTheUrlAndBufferSizes() {
    SessionDriver d = new SessionDriver().fromClient(UaMessages.hello(UaMessages.URL));
    Observation o = d.only("opcua.hello");
    assertEquals(SERVER_DEVICE, o.subject());
    assertEquals(Authority.PEER_REPORTED, o.authority());
    assertEquals(Identity.NONE, o.identity());
    assertEquals("opcua", o.protocol());
    Map<String, Object> f = o.evidence().fields();
    assertEquals(UaMessages.URL, f.get("endpointUrl"));
    assertEquals("plc-17.plant.example", f.get("endpointHost"));
    assertEquals(0L, f.get("protocolVersion"));
    assertEquals(65536L, f.get("receiveBufferSize"));
    assertEquals(65536L, f.get("sendBufferSize"));
    assertEquals(0L, f.get("maxMessageSize"));
    assertEquals(0L, f.get("maxChunkCount"));
    assertEquals("test.pcap#frame=1", o.evidence().origin());
    assertEquals(d.now, o.evidence().at());
  }

  @Test
  void acknowledgeCarriesTheServersBufferSizes() {
    Observation o =
        new SessionDriver().fromServer(UaMessages.acknowledge()).only("opcua.acknowledge");
    assertEquals(SERVER_DEVICE, o.subject());
    assertEquals(Authority.DEVICE_REPORTED, o.authority());
    assertEquals(8192L, o.evidence().fields().get("receiveBufferSize"));
    assertEquals(16_777_216L, o.evidence().fields().get("maxMessageSize"));
    assertEquals(64L, o.evidence().fields().get("maxChunkCount"));
  }

  @Test
  void errorCarriesStatusCodeNameAndReason() {
    Observation o =
        new SessionDriver()
            .fromServer(UaMessages.error(0x80830000L, "unknown path /ua"))
            .only("opcua.error");
    assertEquals(SERVER_DEVICE, o.subject());
    assertEquals("0x80830000", o.evidence().fields().get("statusCode"));
    assertEquals("Bad_TcpEndpointUrlInvalid", o.evidence().fields().get("statusName"));
    assertEquals("unknown path /ua", o.evidence().fields().get("reason"));
  }

  @Test
  void errorWithUnknownStatusKeepsTheCode() {
    Observation o =
        new SessionDriver().fromServer(UaMessages.error(0x81230000L, null)).only("opcua.error");
    assertEquals(Map.of("statusCode", "0x81230000"), o.evidence().fields());
  }

  @Test
  void reverseHelloIsAboutItsSenderTheServer() {
    SessionDriver d = new SessionDriver();
    // with reverse connect the server opened the TCP connection: it is the flow's client
    d.fromClient(UaMessages.reverseHello(UaMessages.SERVER_URI, UaMessages.URL));
    Observation o = d.only("opcua.reverse-hello");
    assertEquals(CLIENT_DEVICE, o.subject());
    assertEquals(UaMessages.SERVER_URI, o.evidence().fields().get("serverUri"));
    assertEquals(UaMessages.URL, o.evidence().fields().get("endpointUrl"));
    assertEquals(CLIENT_DEVICE, d.only("opcua.connection").subject());
  }

  @Test
  void presenceIsReportedOncePerConnectionForServerAndClient() {
    SessionDriver d =
        new SessionDriver()
            .fromClient(UaMessages.hello(UaMessages.URL))
            .fromServer(UaMessages.acknowledge())
            .fromClient(UaMessages.hello(UaMessages.URL));
    java.util.List<Observation> presence = d.bySource("opcua.connection");
    assertEquals(2, presence.size());
    assertEquals(SERVER_DEVICE, presence.get(0).subject());
    assertEquals(io.fieldprint.protocols.model.Role.SERVER, presence.get(0).identity().role());
    assertEquals(Map.of("serverPort", 4840), presence.get(0).evidence().fields());
    assertEquals(io.fieldprint.protocols.model.Role.CLIENT, presence.get(1).identity().role());
    assertTrue(!presence.get(1).subject().equals(SERVER_DEVICE));
    assertEquals(1, d.bySource("opcua.hello").size(), "identical HEL reported once");
  }

  @Test
  void messageSizeDisagreeingWithThePduIsAWarning() {
    SessionDriver d = new SessionDriver();
    byte[] hello = UaMessages.hello(UaMessages.URL);
    byte[] longer = java.util.Arrays.copyOf(hello, hello.length + 4);
    d.raw(false, longer);
    assertEquals(1, d.sink.warnings.size());
    assertTrue(d.sink.warnings.get(0).message().contains("MessageSize"));
    assertEquals("opcua", d.sink.warnings.get(0).protocol());
    assertTrue(d.sink.observations.isEmpty());
  }
}
